// Documents the protocol tests open. Line numbers in the tests refer to these texts.
export const ARTICLE_URI = 'file:///articles/port.isnad.md';

/** Line 11: an unattributed claim (columns 0–51) holding a mention; line 13: an attributed quote. */
export const UNATTRIBUTED = [
  '---',
  'sources:',
  '  ali:',
  '    name: Ali Hassan',
  '    role: Harbour master',
  'entities:',
  '  town:',
  '    name: Example Town',
  '    type: place',
  '---',
  '# Port news',
  '[The port of [Example Town]{@town} reopens.]{claim}',
  '',
  '[Ships are waiting,]{quote by=ali} he said.',
  '',
].join('\n');

export const ATTRIBUTED = UNATTRIBUTED.replace('reopens.]{claim}', 'reopens.]{claim by=ali}');

export const ARABIC_URI = 'file:///articles/summit.isnad.md';

/** Line 7: an unattributed claim written with the Arabic keyword. */
export const ARABIC = ['---', 'sources:', '  مورتازين:', '    name: أندريه مورتازين', '---', '# القمة', '', '[الذخيرة ستصل قريبا]{ادعاء} كما قال [المحلل]{اقتباس قائل=مورتازين}', ''].join('\n');
