import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/export/openapi';

const document = openApiDocument();

export function GET() {
  return NextResponse.json(document);
}
