// The site's one script, on every page: search over every provider (`/` or Ctrl-K), sample tabs,
// copy buttons. Everything it loads comes from this site. Without it, every page still reads.
(() => {
  const root = document.documentElement.dataset.root ?? '';

  // --- Search -------------------------------------------------------------------------------
  let index;
  function loadIndex() {
    index ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${root}search-index.js`;
      script.onload = () => resolve(window.oapiSearchIndex ?? []);
      script.onerror = () => reject(new Error('search index missing'));
      document.head.append(script);
    });
    return index;
  }

  /** Entries whose text holds every word of the query, best first (operationId and path matches lead). */
  function search(entries, query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const scored = [];
    for (const entry of entries) {
      const text = entry.text;
      if (!words.every((w) => text.includes(w))) continue;
      const id = entry.operationId.toLowerCase();
      const q = words.join(' ');
      const score =
        (id === q ? 100 : 0) +
        (id.startsWith(q) ? 20 : 0) +
        (entry.path.toLowerCase().includes(q) ? 10 : 0) +
        (entry.summary.toLowerCase().includes(q) ? 5 : 0);
      scored.push([score, entry]);
    }
    return scored.sort((a, b) => b[0] - a[0]).map(([, entry]) => entry);
  }

  let dialog;
  function buildDialog() {
    dialog = document.createElement('dialog');
    dialog.className = 'search-dialog';
    dialog.setAttribute('aria-label', 'Search every API');
    dialog.innerHTML = `<form role="search" method="dialog">
<label class="visually-hidden" for="search-input">Search operations of every API: summary, path or operationId</label>
<input id="search-input" type="search" autocomplete="off" placeholder="Summary, path or operationId" aria-controls="search-results" aria-describedby="search-status">
<button type="submit" value="close">Close</button>
</form>
<ul class="search-results" id="search-results" aria-label="Results"></ul>
<p class="search-status" id="search-status" aria-live="polite"></p>`;
    document.body.append(dialog);
    const input = dialog.querySelector('input');
    const list = dialog.querySelector('ul');
    const status = dialog.querySelector('.search-status');
    input.addEventListener('input', async () => {
      const entries = await loadIndex();
      const found = search(entries, input.value).slice(0, 30);
      list.replaceChildren(
        ...found.map((entry) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = root + entry.href;
          link.innerHTML = '<span class="title"></span><span class="where"></span>';
          link.querySelector('.title').textContent = entry.summary || entry.operationId;
          link.querySelector('.where').textContent =
            `${entry.provider} · ${entry.method.toUpperCase()} ${entry.path} · ${entry.operationId}`;
          link.addEventListener('click', () => dialog.close());
          item.append(link);
          return item;
        }),
      );
      status.textContent = input.value.trim() === '' ? '' : `${found.length} result${found.length === 1 ? '' : 's'}`;
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        const first = list.querySelector('a');
        if (first) {
          event.preventDefault();
          first.click();
          location.href = first.href;
        }
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        list.querySelector('a')?.focus();
      }
    });
    list.addEventListener('keydown', (event) => {
      const links = [...list.querySelectorAll('a')];
      const at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1].focus();
      else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1] : input).focus();
      else return;
      event.preventDefault();
    });
  }

  function openSearch() {
    if (!dialog) buildDialog();
    if (!dialog.open) dialog.showModal();
    const input = dialog.querySelector('input');
    input.focus();
    input.select();
    void loadIndex();
  }

  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, textarea, select, [contenteditable="true"]');
    const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    if (ctrlK || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      openSearch();
    }
  });
  for (const button of document.querySelectorAll('[data-search-open]')) button.addEventListener('click', openSearch);

  // --- Sample tabs (WAI-ARIA tabs: arrows move between languages) -----------------------------
  for (const tablist of document.querySelectorAll('.samples [role="tablist"]')) {
    const tabs = [...tablist.querySelectorAll('[role="tab"]')];
    const select = (tab) => {
      for (const other of tabs) {
        const selected = other === tab;
        other.setAttribute('aria-selected', String(selected));
        other.tabIndex = selected ? 0 : -1;
        document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
      }
    };
    tablist.addEventListener('click', (event) => {
      const tab = event.target.closest('[role="tab"]');
      if (tab) select(tab);
    });
    tablist.addEventListener('keydown', (event) => {
      const at = tabs.indexOf(document.activeElement);
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined || at < 0) return;
      event.preventDefault();
      const tab = tabs[(next + tabs.length) % tabs.length];
      select(tab);
      tab.focus();
    });
  }

  // --- Copy buttons ---------------------------------------------------------------------------
  for (const button of document.querySelectorAll('button.copy')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const code = document.getElementById(button.getAttribute('aria-controls'))?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Select and copy';
      }
      setTimeout(() => {
        button.textContent = 'Copy';
      }, 2000);
    });
  }

  // --- Contents: open beside the reference on wide screens -------------------------------------
  const toc = document.querySelector('.toc details');
  if (toc && matchMedia('(min-width: 64rem)').matches) toc.open = true;
})();
