export type Language = 'ru' | 'en';
export type Outcome = 'approved' | 'refused';

/**
 * How a service's result document reads, in each language. Services without a template of
 * their own get the general notice; a service whose result is a permit or a decision with
 * its own legal form gets one here (a vendor's plugin could add more the same way).
 */
export interface ResultTemplate {
  heading: Record<Language, Record<Outcome, string>>;
  /** The sentence stating the outcome; `{service}` is replaced by the service's title. */
  statement: Record<Language, Record<Outcome, string>>;
}

const general: ResultTemplate = {
  heading: {
    ru: {
      approved: 'Уведомление о предоставлении государственной услуги',
      refused: 'Уведомление об отказе в предоставлении государственной услуги',
    },
    en: {
      approved: 'Notice that a public service has been granted',
      refused: 'Notice that a public service has been refused',
    },
  },
  statement: {
    ru: {
      approved: 'По вашему заявлению принято решение предоставить услугу «{service}».',
      refused: 'По вашему заявлению принято решение отказать в предоставлении услуги «{service}».',
    },
    en: {
      approved: 'Your application has been decided: the service "{service}" is granted.',
      refused: 'Your application has been decided: the service "{service}" is refused.',
    },
  },
};

const permit = (ru: string, en: string): ResultTemplate => ({
  heading: {
    ru: { approved: `Разрешение: ${ru}`, refused: `Отказ в выдаче разрешения: ${ru}` },
    en: { approved: `Permit: ${en}`, refused: `Refusal to grant a permit: ${en}` },
  },
  statement: general.statement,
});

const templates: Record<string, ResultTemplate> = {
  'taxi-permit': permit(
    'деятельность по перевозке пассажиров легковым такси',
    'carrying passengers by taxi',
  ),
  'street-trade-permit': permit(
    'размещение нестационарного торгового объекта',
    'a street trading stall',
  ),
  'disabled-parking-permit': permit(
    'парковка транспортного средства инвалида',
    'a disabled parking space',
  ),
};

export const resultTemplateFor = (serviceCode: string): ResultTemplate =>
  templates[serviceCode] ?? general;
