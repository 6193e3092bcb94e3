import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, readingViewHtml } from '../../client/src/readingView/html';

const options = {
  cspSource: 'https://*.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/readingView.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/readingView.css',
  nonce: 'bm9uY2U+/w==',
  language: 'ar',
};

describe('Reading View HTML shell', () => {
  it('allows only the extension’s stylesheet, images and its one script by nonce', () => {
    assert.equal(
      contentSecurityPolicy(options),
      "default-src 'none'; style-src https://*.vscode-cdn.net; script-src 'nonce-bm9uY2U+/w=='; img-src https://*.vscode-cdn.net",
    );
    const html = readingViewHtml(options);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/\*\.vscode-cdn\.net; script-src 'nonce-bm9uY2U\+\/w=='; img-src https:\/\/\*\.vscode-cdn\.net">/);
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="${options.nonce}" src="${options.scriptUri}">`]);
  });

  it('has no inline style or script', () => {
    const html = readingViewHtml(options);
    assert.doesNotMatch(html, /style=|<style|\son[a-z]+=/i);
    assert.match(html, /<script [^>]*><\/script>/);
  });

  it('escapes what it puts in attributes', () => {
    const html = readingViewHtml({ ...options, language: 'en"><script>' });
    assert.match(html, /<html lang="en&quot;>&lt;script>">/);
  });
});
