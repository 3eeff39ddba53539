import type { Bilingual } from "./text.js";

/**
 * The shared vocabulary for concerns. Partners speak different professional languages
 * (NJi lesson 5, "Duiding en taal"), so each category names concrete behaviours.
 */
export type SignalCategory = {
  id: string;
  label: Bilingual;
  description: Bilingual;
  /** Concrete example behaviours, in Dutch as professionals say them. */
  examples: readonly string[];
};

const category = (
  id: string,
  nl: string,
  en: string,
  descriptionNl: string,
  descriptionEn: string,
  examples: readonly string[],
): SignalCategory => ({
  id,
  label: { nl, en },
  description: { nl: descriptionNl, en: descriptionEn },
  examples,
});

export const signalCategories: readonly SignalCategory[] = [
  category(
    "radicalisering",
    "Radicalisering",
    "Radicalisation",
    "Geraakt worden door radicaal gedachtegoed of extreme idealen.",
    "Being drawn to radical ideas or extreme ideals.",
    [
      "in de ban van online groeperingen met extreme idealen",
      "legitimeert geweld om idealen te bereiken",
      "breekt met vrienden buiten de eigen groep",
    ],
  ),
  category(
    "polarisatie",
    "Polarisatie",
    "Polarisation",
    "Verscherping van tegenstellingen tussen groepen.",
    "Sharpening contrasts between groups.",
    [
      "verharding van de omgangsvormen",
      "verruwing van het maatschappelijke debat",
      "uitsluiting van andersdenkenden",
    ],
  ),
  category(
    "huiselijk-geweld",
    "Huiselijk geweld",
    "Domestic violence",
    "Geweld in de thuissituatie, ook als getuige.",
    "Violence at home, also as a witness.",
    [
      "vertelt over ruzies met slaan thuis",
      "onverklaarbare blauwe plekken",
      "angstig om naar huis te gaan",
    ],
  ),
  category(
    "kindermishandeling",
    "Kindermishandeling",
    "Child abuse",
    "Lichamelijke, psychische of seksuele mishandeling of verwaarlozing.",
    "Physical, psychological or sexual abuse or neglect.",
    [
      "komt structureel zonder eten of passende kleding",
      "erg stil of juist heel druk, agressief of angstig",
      "terugkerend onverklaard letsel",
    ],
  ),
  category(
    "pesten",
    "Pesten",
    "Bullying",
    "Herhaald en opzettelijk kwetsen of buitensluiten.",
    "Repeated, deliberate hurting or excluding.",
    [
      "wordt stelselmatig buitengesloten in de klas",
      "uitschelden en bedreigen",
      "spullen worden afgepakt of vernield",
    ],
  ),
  category(
    "cyberpesten",
    "Cyberpesten",
    "Cyberbullying",
    "Pesten via telefoon, sociale media of games.",
    "Bullying by phone, social media or games.",
    [
      "kwetsende berichten in een klassengroepsapp",
      "nepaccount op naam van een leerling",
      "uit een online groep gezet",
    ],
  ),
  category(
    "sexting",
    "Sexting en onveilig sociale-mediagebruik",
    "Sexting and unsafe social media use",
    "Delen van seksueel getinte beelden of riskant online gedrag.",
    "Sharing sexual images or risky online behaviour.",
    [
      "naaktfoto van een leerling gaat rond",
      "online contact met onbekende volwassenen",
      "onder druk gezet om beelden te sturen",
    ],
  ),
  category(
    "afpersing",
    "Afpersing",
    "Extortion",
    "Onder druk zetten om geld, spullen of beelden af te staan.",
    "Pressure to hand over money, goods or images.",
    [
      "gechanteerd met eerder gedeelde beelden",
      "moet geld afdragen aan oudere jongeren",
      "bedreigd na het weigeren van een klus",
    ],
  ),
  category(
    "criminaliteit",
    "Jeugdcriminaliteit",
    "Youth crime",
    "Betrokkenheid bij strafbare feiten.",
    "Involvement in offences.",
    ["winkeldiefstal", "vernieling rond de school", "betrokken bij inbraken"],
  ),
  category(
    "drugs",
    "Drugs",
    "Drugs",
    "Gebruik van of handel in drugs, ook jonge kinderen in de drugshandel.",
    "Drug use or dealing, including young children in the drug trade.",
    [
      "ruikt naar cannabis in de les",
      "heeft opvallend veel geld of dure spullen",
      "wordt gezien als koerier voor oudere jongeren",
    ],
  ),
  category(
    "wapens",
    "Wapens",
    "Weapons",
    "Wapenbezit of -gebruik, waaronder messen.",
    "Carrying or using weapons, including knives.",
    [
      "draagt een mes bij zich",
      "betrokken bij een messteekincident",
      "dreigt met een wapen op sociale media",
    ],
  ),
  category(
    "uitbuiting",
    "Uitbuiting",
    "Exploitation",
    "Seksuele of criminele uitbuiting, waaronder loverboys.",
    "Sexual or criminal exploitation, including 'loverboys'.",
    [
      "relatie met een veel oudere vriend die cadeaus geeft",
      "verdwijnt regelmatig 's nachts",
      "moet klusjes doen voor een netwerk",
    ],
  ),
  category(
    "verzuim",
    "Verzuim",
    "Absence",
    "Ongeoorloofd schoolverzuim en thuiszitten.",
    "Unexcused absence and not attending any school.",
    [
      "16 uur ongeoorloofd verzuim in 4 schoolweken",
      "structureel te laat",
      "zit thuis zonder school",
    ],
  ),
  category(
    "ondermijning",
    "Ondermijning",
    "Undermining",
    "Georganiseerde misdaad die de samenleving ondermijnt.",
    "Organised crime undermining society.",
    [
      "geronseld door criminele netwerken",
      "opslag van spullen voor derden",
      "snelle geld van drugshandel lonkt",
    ],
  ),
  category(
    "groepsvorming-overlast",
    "Groepsvorming en overlast",
    "Groups and nuisance",
    "Groepsvorming en overlast in en om de school.",
    "Group forming and nuisance in and around school.",
    [
      "hangt met een groep die buurtbewoners intimideert",
      "groep laat zich agressief uit op straat of online",
      "niet meer te bereiken voor jongerenwerk",
    ],
  ),
  category(
    "discriminatie",
    "Discriminatie",
    "Discrimination",
    "Ongelijk behandelen of uitsluiten om afkomst, religie, gender of andere kenmerken.",
    "Unequal treatment or exclusion because of origin, religion, gender or other traits.",
    [
      "racistische uitingen in de klas",
      "uitsluiting om geloof of genderidentiteit",
      "discriminerende memes delen",
    ],
  ),
  category(
    "geweld",
    "Geweld",
    "Violence",
    "Fysiek geweld of bedreiging.",
    "Physical violence or threats.",
    ["vechtpartij op het schoolplein", "bedreigt een docent", "slaat een medeleerling"],
  ),
  category(
    "zorg-ontwikkeling",
    "Zorg om ontwikkeling",
    "Developmental concern",
    "Algemene zorg om ontwikkeling of welzijn zonder direct veiligheidsrisico.",
    "General concern about development or wellbeing without a direct safety risk.",
    [
      "trekt zich terug en is somber",
      "onverschillig en onzeker",
      "verzet tegen autoriteiten dat aanhoudt",
    ],
  ),
];
