// The site's own static files: its icon and stylesheet. System fonts only, so nothing is fetched
// from a font host.

export const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e79"/><path d="M9 11h14M9 16h10M9 21h12" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;

export const systemFonts =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";
export const monospaceFonts =
  "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

export const stylesheet = `:root { color-scheme: light; --accent: #1f4e79; --muted: #5b6470; --line: #d9dee4; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${systemFonts}; color: #1d2329; line-height: 1.5; }
.page code, .page pre { font-family: ${monospaceFonts}; font-size: 0.9em; }
a { color: var(--accent); }
.site-nav { position: sticky; top: 0; z-index: 10; display: flex; gap: 1.25rem; align-items: center; height: 3rem; padding: 0 1.5rem; background: var(--accent); }
.site-nav a { color: #fff; text-decoration: none; }
.site-nav a:hover { text-decoration: underline; }
.site-nav .site-name { font-weight: 600; margin-right: auto; }
main.page { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
.page h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; }
.page h2 { font-size: 1.35rem; margin-top: 2rem; }
.page h3 { font-size: 1.1rem; margin-top: 1.5rem; }
.page .lead { color: var(--muted); font-size: 1.05rem; }
.page .providers { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); padding: 0; list-style: none; }
.page .provider { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
.page .provider h2 { margin: 0 0 0.25rem; font-size: 1.2rem; }
.page .provider .meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.5rem; }
.page .provider ul { padding-left: 1.1rem; margin: 0.25rem 0; }
.page .links { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin-top: 0.75rem; }
.page .status { display: inline-block; padding: 0 0.5rem; border-radius: 4px; font-size: 0.85rem; background: #fdf1d6; color: #6b4e00; }
.page .status.ready { background: #dff3e4; color: #1c5a2c; }
.page table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.95rem; }
.page th, .page td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 0.4rem 0.6rem; }
.page th { width: 14rem; color: var(--muted); font-weight: 500; }
.page pre { background: #f4f6f8; border: 1px solid var(--line); border-radius: 6px; padding: 0.9rem 1rem; overflow-x: auto; line-height: 1.4; }
.page .note { border-left: 4px solid var(--accent); background: #f4f7fb; padding: 0.5rem 1rem; margin: 1rem 0; }
.changelog .entries { list-style: none; padding: 0; }
.changelog .entry { border-top: 1px solid var(--line); padding: 0.5rem 0 1rem; }
.changelog .entry h2 { font-size: 1.15rem; margin: 0.75rem 0 0.25rem; }
.changelog .entry time { color: var(--muted); font-weight: 500; margin-right: 0.5rem; }
.changelog .meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.5rem; }
.changelog .bump { display: inline-block; padding: 0 0.5rem; border-radius: 4px; background: #eef1f4; color: #38424c; }
.changelog .bump-major { background: #fbe3e1; color: #8a1c12; }
.changelog .bump-minor { background: #e1ecf8; color: #1f4e79; }
.changelog .findings h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.changelog .findings.breaking h3 { color: #8a1c12; }
.changelog .findings.warning h3 { color: #6b4e00; }
.changelog .findings ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.page .note.problem { border-left-color: #b3261e; background: #fdf3f2; }
body.reference .site-nav { position: fixed; left: 0; right: 0; }
body.reference #redoc { padding-top: 3rem; }
`;
