import type { ServiceContent } from './service-content';
import { categories, lifeSituations } from './vocabulary';

export interface SearchText {
  /** Weight A: the service's title. */
  title: string;
  /** Weight B: what a person might also search by: summary, result, categories, situations. */
  body: string;
}

/** The text a service is found by, in one language. */
export function searchText(content: ServiceContent, lang: 'ru' | 'en'): SearchText {
  return {
    title: content.title[lang],
    // Documents are left out on purpose: dozens of services need a passport, and a person
    // searching "паспорт" means the passport service, not everything that asks for one.
    body: [
      content.summary[lang],
      content.result.title[lang],
      ...content.categories.map((c) => categories[c][lang]),
      ...content.lifeSituations.map((s) => lifeSituations[s][lang]),
    ].join('. '),
  };
}
