// A small corpus shared by the protocol and command-line tests: a registry and the articles that
// use it, written to a temporary folder by each suite.

/** Two sources and two entities; `ghost` is used by no article. */
export const REGISTRY = `sources:
  okafor: { name: Lena Okafor, role: harbour master }
  ministry: { name: Ministry of Trade, kind: government }
entities:
  valmora: { name: Port of Valmora, type: place }
  ghost: { name: Never mentioned }
`;

/** A section, and two claims quoting the registry's two sources. */
export const ARTICLE_ONE = `# Ships return

[The channel is open]{claim by=okafor about=valmora} and [licences were renewed]{claim by=ministry}.
`;

/** A quote by the registry's okafor around a mention of its valmora. */
export const ARTICLE_TWO = `[[Valmora]{@valmora} can take twelve ships]{quote by=okafor}`;
