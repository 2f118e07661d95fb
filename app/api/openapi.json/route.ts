import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/openapi';

const document = openApiDocument();

export function GET() {
  return NextResponse.json(document);
}
