/** What a broken share rule means, and what would make the share lawful, in plain words. */
export interface RuleText {
  explanation: string;
  remedy: string;
}

// The console's locales; indexing with i18n's Locale fails to compile if one is added there.
type Texts = Record<"nl" | "en", RuleText>;
const rule = (nl: [string, string], en: [string, string]): Texts => ({
  nl: { explanation: nl[0], remedy: nl[1] },
  en: { explanation: en[0], remedy: en[1] },
});

// Keyed by the service's rule codes (SHARE_RULES in the domain). A code the console does not
// know yet falls back to the service's own explanation, so a new rule is never shown blank.
export const ruleTexts: Record<string, Texts> = {
  "case-open": rule(
    [
      "De casus is gesloten; in een gesloten casus wordt niets meer gedeeld.",
      "Vraag de voorzitter de casus te heropenen als delen echt nodig is.",
    ],
    [
      "The case is closed; nothing is shared in a closed case.",
      "Ask the chair to reopen the case if sharing is truly needed.",
    ],
  ),
  "sharer-participant": rule(
    [
      "Uw organisatie neemt niet (meer) deel aan deze casus.",
      "Neem eerst deel aan de casus; daarna kunt u delen.",
    ],
    [
      "Your organisation does not (or no longer) take part in this case.",
      "Join the case first; then you can share.",
    ],
  ),
  "recipients-named": rule(
    [
      "Er is geen ontvanger gekozen, of een ontvanger staat er twee keer in.",
      "Kies elke ontvanger één keer.",
    ],
    ["No recipient was chosen, or one is listed twice.", "Choose each recipient once."],
  ),
  "recipient-participant": rule(
    [
      "Een ontvanger neemt niet deel aan de casus.",
      "Deel alleen met organisaties die aan de casus deelnemen, of vraag de voorzitter hen uit te nodigen.",
    ],
    [
      "A recipient does not take part in the case.",
      "Share only with participants, or ask the chair to invite them.",
    ],
  ),
  "sharer-covenant-member": rule(
    [
      "Uw organisatie is geen lid van het convenant.",
      "Alleen convenantpartners delen; neem contact op met de beheerder van het convenant.",
    ],
    [
      "Your organisation is not a member of the covenant.",
      "Only covenant partners share; contact the covenant's administrator.",
    ],
  ),
  "recipient-covenant-member": rule(
    ["Een ontvanger is geen lid van het convenant.", "Deel alleen met leden van het convenant."],
    ["A recipient is not a member of the covenant.", "Share only with covenant members."],
  ),
  "data-categories-named": rule(
    [
      "Er is geen gegevenscategorie gekozen, of een categorie staat er twee keer in.",
      "Kies welke soorten gegevens u deelt, elk één keer.",
    ],
    [
      "No data category was chosen, or one is listed twice.",
      "Choose which kinds of data you share, each once.",
    ],
  ),
  "data-category-known": rule(
    ["Een gegevenscategorie bestaat niet in de catalogus.", "Kies een categorie uit de lijst."],
    ["A data category is not in the catalogue.", "Choose a category from the list."],
  ),
  "covenant-purpose": rule(
    ["Het doel is geen doel van dit convenant.", "Kies een van de doelen die het convenant noemt."],
    [
      "The purpose is not one of the covenant's purposes.",
      "Choose one of the purposes the covenant names.",
    ],
  ),
  "basis-exists": rule(
    ["De gekozen grondslag bestaat niet.", "Kies een grondslag uit de lijst."],
    ["The chosen legal basis does not exist.", "Choose a legal basis from the list."],
  ),
  "basis-valid-on-date": rule(
    [
      "De grondslag geldt (nog) niet op deze datum.",
      "Kies een grondslag die vandaag van kracht is.",
    ],
    ["The legal basis is not in force on this date.", "Choose a legal basis in force today."],
  ),
  "basis-sharer-kind": rule(
    [
      "Deze grondslag geldt niet voor uw soort organisatie.",
      "Kies een grondslag die uw organisatie mag gebruiken.",
    ],
    [
      "This legal basis does not apply to your kind of organisation.",
      "Choose a legal basis your organisation may use.",
    ],
  ),
  "basis-recipient-kind": rule(
    [
      "Deze grondslag staat niet toe dat u aan een van de gekozen ontvangers verstrekt.",
      "Laat die ontvanger weg, of kies een grondslag die verstrekking aan deze soort organisatie toestaat.",
    ],
    [
      "This legal basis does not allow disclosure to one of the chosen recipients.",
      "Leave that recipient out, or choose a basis that allows disclosure to this kind of organisation.",
    ],
  ),
  "basis-data-category": rule(
    [
      "Deze grondslag dekt een van de gekozen gegevenscategorieën niet.",
      "Laat die categorie weg, of kies een grondslag die haar dekt.",
    ],
    [
      "This legal basis does not cover one of the chosen data categories.",
      "Leave that category out, or choose a basis that covers it.",
    ],
  ),
  "special-category-art9": rule(
    [
      "Gezondheidsgegevens zijn bijzondere persoonsgegevens (AVG art. 9): daarvoor is een uitzondering nodig.",
      "Kies een grondslag met een art. 9-uitzondering, zoals uitdrukkelijke toestemming, of deel geen gezondheidsgegevens.",
    ],
    [
      "Health data are a special category (GDPR art. 9) and need an exception.",
      "Choose a basis with an art. 9 exception, such as explicit consent, or do not share health data.",
    ],
  ),
  "criminal-data-art10": rule(
    [
      "Strafrechtelijke gegevens en politiegegevens vragen een grondslag onder AVG art. 10 of de Wpg.",
      "Kies een Wpg-grondslag of laat deze categorie weg.",
    ],
    [
      "Criminal and police data need a basis under GDPR art. 10 or the Wpg.",
      "Choose a Wpg basis or leave this category out.",
    ],
  ),
  "covenant-sharing-rule": rule(
    [
      "Het convenant heeft geen afspraak die deze verstrekking toestaat (deze gegevens, van uw soort organisatie aan deze ontvangers, onder deze grondslag).",
      "Pas ontvangers, categorieën of grondslag aan zodat een deelafspraak van het convenant ze dekt.",
    ],
    [
      "The covenant has no sharing rule allowing this (these data, from your kind of organisation to these recipients, under this basis).",
      "Adjust recipients, categories or basis so that a covenant sharing rule covers them.",
    ],
  ),
  "necessity-statement": rule(
    [
      "De noodzaak is niet (voldoende) onderbouwd.",
      "Leg in eigen woorden uit waarom deze ontvangers deze gegevens nodig hebben voor het doel.",
    ],
    [
      "The necessity is not (sufficiently) stated.",
      "Explain in your own words why these recipients need these data for the purpose.",
    ],
  ),
  "expiry-in-future": rule(
    [
      "De vervaldatum ligt niet in de toekomst.",
      "Kies een vervaldatum na vandaag, of laat haar leeg.",
    ],
    ["The expiry is not in the future.", "Choose an expiry after today, or leave it empty."],
  ),
  "wpg-decision-reference": rule(
    [
      "Delen onder Wpg art. 20 vraagt het kenmerk van het besluit van het samenwerkingsverband.",
      "Vul het kenmerk van dat besluit in.",
    ],
    [
      "Sharing under Wpg art. 20 needs the reference of the partnership's decision.",
      "Enter the reference of that decision.",
    ],
  ),
  "wpg-weighty-public-interest": rule(
    [
      "Delen onder Wpg art. 20 vraagt een zwaarwegend algemeen belang.",
      "Beschrijf het zwaarwegend algemeen belang.",
    ],
    [
      "Sharing under Wpg art. 20 needs a weighty public interest.",
      "Describe the weighty public interest.",
    ],
  ),
  "wpg-competent-authority": rule(
    [
      "Delen onder Wpg art. 19 vraagt instemming van het bevoegd gezag.",
      "Vul in welk gezag instemde, met kenmerk en datum.",
    ],
    [
      "Sharing under Wpg art. 19 needs the competent authority's agreement.",
      "Enter which authority agreed, with reference and date.",
    ],
  ),
  "consent-age-known": rule(
    [
      "De leeftijd van de jongere is niet bekend, dus niet wie toestemming moet geven.",
      "Zorg dat de geboortedatum in de casus staat.",
    ],
    [
      "The young person's age is unknown, so it is unclear who must consent.",
      "Make sure the date of birth is in the case.",
    ],
  ),
  "consent-subject": rule(
    [
      "De jongere (12 jaar of ouder) heeft geen geldige toestemming gegeven voor deze verstrekking.",
      "Leg eerst de toestemming van de jongere vast voor deze ontvangers, categorieën en dit doel.",
    ],
    [
      "The young person (12 or older) has not given valid consent for this disclosure.",
      "First record the young person's consent for these recipients, categories and purpose.",
    ],
  ),
  "consent-parents": rule(
    [
      "De ouders (voor een jongere onder 16) hebben geen geldige toestemming gegeven.",
      "Leg eerst de toestemming van de ouders vast voor deze ontvangers, categorieën en dit doel.",
    ],
    [
      "The parents (for a young person under 16) have not given valid consent.",
      "First record the parents' consent for these recipients, categories and purpose.",
    ],
  ),
};
