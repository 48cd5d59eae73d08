import type { Random } from './random';

/** Invented clients: common Swedish names, valid but fictitious personnummer. */
const firstNames = [
  'Elsa',
  'Alice',
  'Maja',
  'Vera',
  'Astrid',
  'Ingrid',
  'Margareta',
  'Birgitta',
  'Karin',
  'Aisha',
  'Oscar',
  'Lucas',
  'Hugo',
  'Erik',
  'Lars',
  'Bengt',
  'Sven',
  'Mohammed',
  'Ali',
  'Nils',
  'Greta',
  'Sara',
  'Amira',
  'Leila',
  'Anders',
  'Per',
  'Göran',
  'Åke',
  'Östen',
  'Zeynep',
];
const lastNames = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Lindberg',
  'Ahmed',
  'Hassan',
  'Yilmaz',
  'Nguyen',
  'Åberg',
  'Öberg',
  'Ström',
  'Sjöberg',
  'Hedlund',
];

export interface Client {
  name: string;
  /** "YYYYMMDD-NNNN", as typed into a form; empty for a reserve identity. */
  personnummer: string;
}

function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let n = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid personnummer (or, now and then, samordningsnummer) for an invented person. */
export function fictitiousPersonnummer(random: Random, coordination = false): string {
  const year = random.int(1925, 2012);
  const month = random.int(1, 13);
  const day = random.int(1, 29) + (coordination ? 60 : 0);
  const serial = String(random.int(0, 1000)).padStart(3, '0');
  const date = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const check = checkDigit(`${date}${serial}`);
  return `${year}${date.slice(2)}-${serial}${check}`;
}

export function fictitiousClient(random: Random): Client {
  return {
    name: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
    personnummer: fictitiousPersonnummer(random, random.chance(0.03)),
  };
}
