// @ts-check
// The Reading View's webview script. The article arrives as data (ReadingViewResult, see
// server/src/protocol.ts) and is built with DOM calls and textContent only: document text is
// never parsed as HTML. Styles come from readingView.css through classes; no inline styles,
// which the Content Security Policy forbids anyway.
(function () {
  // @ts-ignore: provided by VS Code inside webviews
  const vscode = acquireVsCodeApi();
  const title = /** @type {HTMLElement} */ (document.getElementById('title'));
  const legend = /** @type {HTMLElement} */ (document.getElementById('legend'));
  const article = /** @type {HTMLElement} */ (document.getElementById('article'));

  /** Block elements with the editor line they start on, in document order, for scrolling. */
  let blocks = /** @type {{ line: number, element: HTMLElement }[]} */ ([]);
  let pendingScroll = /** @type {number | undefined} */ (undefined);
  /** The editor's top line as last reported: it may arrive before the article does. */
  let editorLine = /** @type {number | undefined} */ (undefined);

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'render') render(message.view, message.labels);
    else if (message.type === 'scrollTo') scrollSoon(message.line);
  });

  article.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target).closest('[data-span]');
    if (target instanceof HTMLElement) vscode.postMessage({ type: 'reveal', span: Number(target.dataset.span) });
  });

  function render(view, labels) {
    const firstRender = blocks.length === 0;
    // Replacing the article would otherwise leave the page wherever the shorter interim page put it.
    const scrolledTo = window.scrollY;
    title.replaceChildren();
    if (view.title) title.append(element('h1', 'article-title', view.title, 'auto'));
    legend.replaceChildren(...legendItems(view, labels));
    article.replaceChildren(...view.blocks.map((block) => renderBlock(block, view, labels)));
    if (view.blocks.length === 0) article.append(element('p', 'empty', labels.empty));
    blocks = [...article.querySelectorAll('[data-line]')].map((block) => ({
      line: Number(/** @type {HTMLElement} */ (block).dataset.line),
      element: /** @type {HTMLElement} */ (block),
    }));
    if (firstRender && editorLine !== undefined) scrollTo(editorLine);
    else window.scrollTo(0, scrolledTo);
  }

  /** A block's segments nested the way their spans nest, so an inner mention sits inside its claim's underline. */
  function renderBlock(block, view, labels) {
    const container = element(block.headingLevel ? `h${block.headingLevel}` : 'p', 'block', undefined, block.direction);
    container.dataset.line = String(block.range.start.line);
    /** The open span elements, outermost first, under the block itself. */
    const open = [{ span: /** @type {number | undefined} */ (undefined), element: container }];
    for (const segment of block.segments) {
      const chain = ancestry(view, segment.span);
      let kept = 1;
      while (kept < open.length && open[kept].span === chain[kept - 1]) kept++;
      while (open.length > kept) closeSpan(/** @type {any} */ (open.pop()), view, labels);
      for (const index of chain.slice(kept - 1)) {
        const child = spanElement(view.spans[index], index, labels);
        open[open.length - 1].element.append(child);
        open.push({ span: index, element: child });
      }
      open[open.length - 1].element.append(document.createTextNode(segment.text));
    }
    while (open.length > 1) closeSpan(/** @type {any} */ (open.pop()), view, labels);
    return container;
  }

  /** The span and its ancestors, outermost first. */
  function ancestry(view, index) {
    const chain = [];
    for (let current = index; current !== undefined; current = view.spans[current].parent) chain.unshift(current);
    return chain;
  }

  function spanElement(span, index, labels) {
    const classes = ['span', span.kind];
    if (span.kind === 'mention') classes.push(`entity-${span.entityType ?? 'other'}`);
    if (isStatement(span) && span.speaker === undefined) classes.push('unattributed');
    const result = element('span', classes.join(' '));
    result.dataset.span = String(index);
    result.title = tooltip(span, labels);
    return result;
  }

  /** After a claim or quote, its speaker: in a <bdi>, so a Latin name keeps its place in an Arabic sentence. */
  function closeSpan(entry, view, labels) {
    const span = view.spans[entry.span];
    if (!isStatement(span)) return;
    const badge = span.speaker === undefined ? element('bdi', 'badge unattributed', labels.unattributed) : element('bdi', 'badge', `— ${span.speaker}`);
    entry.element.after(badge);
  }

  function tooltip(span, labels) {
    if (span.kind === 'mention') return labels.entityTypes[span.entityType ?? 'other'] ?? labels.entityTypes.other;
    if (!isStatement(span)) return labels.note;
    return `${labels[span.kind]} — ${span.speaker ?? labels.unattributed}`;
  }

  function legendItems(view, labels) {
    const entityTypes = Object.keys(labels.entityTypes).filter((type) =>
      view.spans.some((span) => span.kind === 'mention' && (span.entityType ?? 'other') === type),
    );
    const items = [
      ...entityTypes.map((type) => element('span', `legend-item span mention entity-${type}`, labels.entityTypes[type])),
      element('span', 'legend-item span claim', labels.claim),
      element('span', 'legend-item span quote', labels.quote),
      element('span', 'legend-item span claim unattributed', labels.unattributed),
    ];
    return [element('span', 'legend-title', labels.legend), ...items];
  }

  function isStatement(span) {
    return span.kind === 'claim' || span.kind === 'quote';
  }

  /**
   * @param {string} tag
   * @param {string} className
   * @param {string} [text]
   * @param {string} [dir]
   */
  function element(tag, className, text, dir) {
    const result = document.createElement(tag);
    result.className = className;
    if (text !== undefined) result.textContent = text;
    if (dir) result.dir = dir;
    return result;
  }

  /** Editor scrolling fires many events: scroll once per frame, to the latest line. */
  function scrollSoon(line) {
    editorLine = line;
    if (pendingScroll === undefined) requestAnimationFrame(() => scrollTo(/** @type {number} */ (pendingScroll)));
    pendingScroll = line;
  }

  /** Brings the last block starting at or above `line` to the top. */
  function scrollTo(line) {
    pendingScroll = undefined;
    let low = 0;
    let high = blocks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (blocks[mid].line <= line) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found >= 0) blocks[found].element.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }

  vscode.postMessage({ type: 'ready' });
})();
