export const USAGE = `Usage:
  spec-diff <base> <head> [options]           compare two OpenAPI 3.0/3.1 specs
  spec-diff rules [--format text|markdown|json]  print the rule table

A spec is a file, or <git-ref>:<path> for the spec as it is at a git ref (e.g. main:spec/klika/openapi.yaml).

Options:
  --format text|markdown|json       report format (default: text)
  --fail-on breaking|warning|never  exit 1 when a finding this severe or worse is found (default: breaking)
  --output <file>                   write the report to a file instead of standard output

Exit codes: 0 nothing at or above --fail-on; 1 breaking change (per --fail-on);
2 unusable input (the message names the file and the problem); 3 an unexpected error (a bug).
`;
