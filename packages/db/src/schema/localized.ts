/** Text in each of the node's languages. Russian is always present. */
export type LocalizedText = { ru: string; en?: string };
