/**
 * Text in each of the node's languages. Russian is always present. (`| undefined` because
 * zod's optional outputs are typed that way under exactOptionalPropertyTypes.)
 */
export type LocalizedText = { ru: string; en?: string | undefined };
