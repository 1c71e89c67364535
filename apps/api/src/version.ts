import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The package version, shown in /api/status and the OpenAPI document. */
export const version: string = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8')).version;
