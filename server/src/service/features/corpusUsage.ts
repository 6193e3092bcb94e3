// How widely the workspace uses a definition: the hover card's "quoted in N articles, mentioned in M".
import type { Corpus, DefinitionTarget } from '../corpus/corpus';
import { sameTarget } from '../corpus/corpus';
import { MENTIONING } from '../corpus/summary';

export interface CorpusUsage {
  /** Articles with a claim or quote attributed to it. */
  readonly quotedIn: number;
  /** Articles that mention it (`@ID` or `about=`). */
  readonly mentionedIn: number;
}

export function corpusUsage(corpus: Corpus, target: DefinitionTarget): CorpusUsage {
  let quotedIn = 0;
  let mentionedIn = 0;
  for (const article of corpus.articlesWith(target.id)) {
    const resolvesHere = (role: 'speaker' | 'mention' | 'about') => {
      const resolved = corpus.resolve(article, target.id, role);
      return resolved !== undefined && sameTarget(resolved, target);
    };
    if (article.statements.some((statement) => statement.speakerId === target.id) && resolvesHere('speaker')) quotedIn++;
    if (article.references.rolesOf(article.references.indexOf(target.id)) & MENTIONING && resolvesHere('mention')) {
      mentionedIn++;
    }
  }
  return { quotedIn, mentionedIn };
}
