import type { ServiceContent } from './service-content';
import { categories, lifeSituations, registries } from './vocabulary';

export interface SearchText {
  /** Weight A: the service's title. */
  title: string;
  /** Weight B: what a person might also search by: summary, categories, situations, documents. */
  body: string;
}

/** The text a service is found by, in one language. */
export function searchText(content: ServiceContent, lang: 'ru' | 'en'): SearchText {
  return {
    title: content.title[lang],
    body: [
      content.summary[lang],
      content.result.title[lang],
      ...content.categories.map((c) => categories[c][lang]),
      ...content.lifeSituations.map((s) => lifeSituations[s][lang]),
      ...content.documents.map((d) => d.title[lang]),
      ...content.documents.flatMap((d) =>
        d.source.kind === 'registry' ? [registries[d.source.registry][lang]] : [],
      ),
    ].join('. '),
  };
}
