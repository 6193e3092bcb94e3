// The Reading View's HTML shell. It holds no document text: the article arrives by message
// and the webview script builds it with textContent, so nothing from the document is ever
// parsed as HTML. The policy lets in the extension's own stylesheet and, by nonce, its one script.
export interface ShellOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  /** The UI language, for `lang`. */
  readonly language: string;
}

export function contentSecurityPolicy({ cspSource, nonce }: Pick<ShellOptions, 'cspSource' | 'nonce'>): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
}

export function readingViewHtml(options: ShellOptions): string {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="${attribute(options.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(options.styleUri)}">
</head>
<body>
<header id="title"></header>
<aside id="legend"></aside>
<main id="article"></main>
<script nonce="${attribute(options.nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
