import { strict as assert } from 'node:assert';
import { surnameVariantDistance } from '../../../src/core/actors';
import { fold } from '../../../src/core/text';

/** ~200 real, distinct surnames from politics and diplomacy (written for this test). None may merge with another. */
const SURNAMES = `
Abbas Adams Albanese Aliyev Altman Anwar Ardern Assad Austin Baerbock Barnier Barrot Bennett Berlusconi Biden
Blinken Bolsonaro Borrell Bortnikov Brown Budanov Burns Bush Cameron Carney Carter Chernyshenko Churchill Clinton
Conte Costa Cruz Dmitriev Dombrovskis Draghi Duda Dugin Erdogan Fico Fidan Frederiksen Gabbard Gandhi Gerasimov
Golikova Gorbachev Guterres Haley Harris Hegseth Herzog Hollande Jaishankar Johnson Juncker Kadyrov Kallas Karasin
Kellogg Kennedy Kerry Khamenei Kiriyenko Kishida Klitschko Kohl Kozak Kuleba Lammy Lavrov Lukashenko Lula Macron
Maduro Matviyenko Medvedev Meloni Merkel Merz Metsola Michel Milei Mishustin Modi Morawiecki Nabiullina Naryshkin
Navalny Netanyahu Nebenzya Nuland Obama Orban Patrushev Pelosi Pence Peskov Podolyak Pompeo Poroshenko Prigozhin
Putin Raisi Ramaphosa Reagan Rubio Rutte Ryabkov Saakashvili Sanchez Sanders Scholz Shoigu Sikorski Stoltenberg
Sullivan Sunak Sybiha Tokayev Truss Trump Tusk Umerov Ushakov Vance Volodin Waltz Wang Witkoff Yanukovych Yellen
Yermak Zakharova Zaluzhny Zelensky Zolotov Abe Ahern Amini Araghchi Barak Begin Bolton Breton Carlson Cheney
Chirac Cotton Dutton Ebrard Fischer Gantz Gates Graham Grossi Hassett Holder Jackson Jordan Kagame Kasich Kushner
Landau Lapid Leyen Lindsey Lopez Mattis McCain McConnell Mercouris Miller Mitsotakis Mnuchin Morales Navarro
Nixon Noem Paxton Petraeus Power Rice Romney Ross Rumsfeld Schiff Schumer Shapiro Sikorsky Stefanchuk Stepanov
Tillerson Trudeau Vucic Walz Warren Weber Wolfe Yadav Yunus Zuckerberg Aleksashenko Budanova Gryzlov Kosachev
Lukin Markov Mironov Nikolayev Polyansky Rogov Sechin Slutsky Surkov Tolstoy Yakovenko Zyuganov Darchiev Beseda
Galuzin Grushko Lyubinsky Rudenko Shmyhal Stefanishyna Tkachenko Vereshchuk Zhovkva Kostin Melnyk Klympush
`.trim().split(/\s+/);

describe('actors: false merges between distinct surnames', () => {
  it('has no (or almost no) variant matches among ~200 distinct real surnames', () => {
    const names = [...new Set(SURNAMES.map((s) => fold(s)))];
    assert.ok(names.length >= 200, `only ${names.length} names`);
    const merges: string[] = [];
    let pairs = 0;
    for (const a of names) {
      for (const b of names) {
        if (a === b) continue;
        pairs++;
        if (surnameVariantDistance(a, b) >= 0) merges.push(`${a}~${b}`);
      }
    }
    const rate = merges.length / pairs;
    console.log(`      false merges: ${merges.length} of ${pairs} ordered pairs (${(rate * 100).toFixed(3)}%): ${merges.join(', ')}`);
    // Only true spelling variants of one another may match (Sikorski/Sikorsky, Budanov/Budanova are listed on purpose; Walz/Waltz must stay apart).
    const allowed = new Set(['sikorski~sikorsky', 'sikorsky~sikorski', 'budanov~budanova', 'budanova~budanov']);
    const real = merges.filter((m) => !allowed.has(m));
    assert.deepEqual(real, []);
  });

  it('still matches the known variants', () => {
    assert.ok(surnameVariantDistance('whitekoff', 'witkoff') >= 0);
    assert.ok(surnameVariantDistance('demitryev', 'dmitriev') >= 0);
    assert.ok(surnameVariantDistance('zelenskyy', 'zelensky') >= 0);
    assert.ok(surnameVariantDistance('witkov', 'witkoff') >= 0);
    assert.ok(surnameVariantDistance('weisskoff', 'witkoff') < 0); // alone too far; needs first name/title support
    assert.ok(surnameVariantDistance('weisskoff', 'witkoff', 1) >= 0);
    assert.ok(surnameVariantDistance('milei', 'miller') < 0);
  });
});
