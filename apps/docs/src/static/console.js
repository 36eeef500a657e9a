// The console page: Scalar's API reference and client, configured so that nothing leaves this site
// unless the reader sends a request to a server of their choosing. The default server (and token
// URL) is the reader's own when the address says `?server=<url>`, else the provider's sandbox: with
// `pnpm run docs` the docs server answers `../sandboxes.json` with each provider's Prism mock behind
// `/sandbox/<id>`; on a static host the file is `{}`.
(async () => {
  const spec = JSON.parse(document.getElementById('console-spec').textContent);
  const { provider } = JSON.parse(document.getElementById('console-options').textContent);
  const target = document.getElementById('console-target');

  /** The first server the console offers: `?server=<url>` (the reader's own), else the sandbox. */
  async function defaultServer() {
    const own = new URLSearchParams(location.search).get('server');
    if (own && /^https?:\/\//.test(own))
      return { url: own.replace(/\/$/, ''), description: 'Your server (?server= in the address of this page)' };
    try {
      const response = await fetch('../sandboxes.json', { cache: 'no-store' });
      const sandbox = (await response.json())[provider];
      if (sandbox) {
        const url = new URL(sandbox, location.href).href.replace(/\/$/, '');
        return { url, description: 'Sandbox: a Prism mock of this spec, started by pnpm run docs', sandbox: true };
      }
    } catch {
      // A static host without sandboxes.json: no default of ours.
    }
    return undefined;
  }

  const first = await defaultServer();
  if (first) {
    const entry = { url: first.url, description: first.description };
    spec.servers = [entry, ...(spec.servers ?? [])];
    for (const item of Object.values(spec.paths ?? {})) if (item.servers) item.servers = [entry, ...item.servers];
    // Token requests go to the same server; the authentication guide lists the real endpoints.
    for (const scheme of Object.values(spec.components?.securitySchemes ?? {})) {
      for (const flow of Object.values(scheme.flows ?? {})) {
        for (const key of ['tokenUrl', 'refreshUrl', 'authorizationUrl']) {
          if (flow[key]) flow[key] = first.url + new URL(flow[key], 'https://host.invalid').pathname;
        }
      }
    }
    target.textContent = first.sandbox
      ? `Requests go to the sandbox (${first.url}) unless you choose another server in the request's address bar. The sandbox answers with the spec's examples and refuses requests the spec does not allow; any credentials work. To use your own server, open this page as console.html?server=<your server's URL>.`
      : `Requests go to your server (${first.url}), token requests included, unless you choose another in the request's address bar.`;
  } else {
    target.textContent =
      "No sandbox runs beside this copy of the docs (pnpm run docs starts one per provider): requests go to the server you choose in the request's address bar, or to the one you name with console.html?server=<URL>.";
  }

  const slug = (text) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const reference = Scalar.createApiReference(document.getElementById('console'), {
    content: spec,
    // Off: every Scalar service (fonts, telemetry, the request proxy, the agent, MCP, the toolbar).
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never',
    persistAuth: false,
    documentDownloadType: 'none',
    hideDarkModeToggle: true,
    forceDarkModeState: dark.matches ? 'dark' : 'light',
    generateTagSlug: (tag) => slug(tag.name ?? ''),
    generateOperationSlug: (operation) => operation.operationId,
    onLoaded: () => openRequestedOperation(),
  });
  dark.addEventListener('change', () =>
    reference.updateConfiguration({
      ...reference.getConfiguration(),
      forceDarkModeState: dark.matches ? 'dark' : 'light',
    }),
  );

  /** The reference links here as `#tag/<tag>/<operationId>`: open that operation's request. */
  function openRequestedOperation() {
    const operationId = decodeURIComponent(location.hash).split('/')[2];
    if (!operationId) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const button = [...document.querySelectorAll('[id]')]
        .find((element) => element.id.endsWith(`/${operationId}`))
        ?.querySelector('.show-api-client-button');
      if (button || Date.now() - started > 15000) clearInterval(timer);
      button?.click();
    }, 100);
  }

  // Scalar's widgets miss a few names and states that assistive technology needs; supply them as
  // they appear (reported upstream-style: the axe test of this page names each one).
  /** The text of the `<label>` next to a field (Scalar does not tie them together), else its placeholder. */
  const fieldName = (field) => {
    for (let at = field.parentElement, up = 0; at && up < 4; at = at.parentElement, up++) {
      const label = at.querySelector('label');
      if (label?.textContent.trim()) return label.textContent.trim();
    }
    return field.dataset.placeholder || 'Value';
  };
  const repair = () => {
    for (const box of document.querySelectorAll('[role="combobox"][contenteditable]')) {
      if (!box.hasAttribute('aria-expanded')) box.setAttribute('aria-expanded', 'false');
      if (!box.getAttribute('aria-label')?.trim() && !box.hasAttribute('aria-labelledby')) {
        box.setAttribute('aria-label', fieldName(box));
      }
    }
    for (const button of document.querySelectorAll('button[role="none"]')) button.removeAttribute('role');
    for (const button of document.querySelectorAll('button:not([aria-label]):not([aria-labelledby])')) {
      // innerText (unlike textContent) leaves out what is hidden: Scalar's copy buttons show their
      // name only on hover, so they have text but no name.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
      if (button.innerText.trim() !== '' || button.title) continue;
      const context = button.parentElement?.textContent?.trim();
      button.setAttribute(
        'aria-label',
        button.classList.contains('scalar-code-copy') ? 'Copy' : context ? `Toggle ${context}` : 'Toggle',
      );
    }
    for (const list of document.querySelectorAll('ul.endpoints:not([tabindex])')) list.tabIndex = 0;
  };
  new MutationObserver(repair).observe(document.body, { childList: true, subtree: true, attributes: false });
  repair();
})();
