import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawInput } from '../../src/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env.STORYLINE_SHARED ?? path.resolve(ROOT, '../shared');

/** An HTML input as the ingest reader builds it. */
export function htmlInput(body: string, url?: string): RawInput {
  return { source: { location: 'test.html', record: 0 }, format: 'html', body, raw: body, meta: url ? { url } : {} };
}

/** A text input: first line title, rest body (as the ingest reader splits .txt files). */
export function textInput(title: string, body: string): RawInput {
  return { source: { location: 'test.txt', record: 0 }, format: 'text', body, raw: `${title}\n${body}`, meta: { title } };
}

/** A page with the given head and body markup. */
export function page(head: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

/** Paragraphs of running prose in several languages, written for these tests. */
export const PROSE = {
  en: [
    'The city council voted on Tuesday to extend the night bus service to the northern districts, after months of complaints from shift workers.',
    'Officials said the extension would cost about two million a year, paid from the transport budget rather than from new fares.',
    'Several members argued that the money should go to repairing roads first, but the measure passed by eleven votes to four.',
    'The first extended routes are expected to start running in the spring, once drivers have been hired and trained.',
  ],
  ru: [
    'Городской совет во вторник проголосовал за продление ночных автобусных маршрутов в северные районы после многомесячных жалоб рабочих.',
    'По словам чиновников, продление обойдётся примерно в два миллиона в год, которые выделят из транспортного бюджета, а не за счёт новых тарифов.',
    'Несколько депутатов настаивали, что сначала деньги нужно направить на ремонт дорог, однако решение было принято одиннадцатью голосами против четырёх.',
    'Первые продлённые маршруты должны заработать весной, когда будут наняты и обучены водители.',
  ],
  zh: [
    '市议会星期二投票决定将夜间公交服务延伸到北部地区，此前轮班工人已经抱怨了好几个月。',
    '官员表示，这项延伸每年将花费约两百万元，资金来自交通预算，而不是提高票价。',
    '几名议员认为这笔钱应该先用于修路，但该措施最终以十一票对四票获得通过。',
    '第一批延长的线路预计将在春季开始运营，届时司机将完成招聘和培训。',
  ],
  ar: [
    'صوّت مجلس المدينة يوم الثلاثاء على تمديد خدمة الحافلات الليلية إلى الأحياء الشمالية، بعد أشهر من شكاوى عمال المناوبات.',
    'وقال المسؤولون إن التمديد سيكلف نحو مليونين سنويا، تدفع من ميزانية النقل وليس من رفع الأسعار.',
    'ورأى عدد من الأعضاء أن المال يجب أن يذهب أولا إلى إصلاح الطرق، لكن القرار أقر بأغلبية أحد عشر صوتا مقابل أربعة.',
    'ومن المتوقع أن تبدأ أولى الخطوط الممددة العمل في الربيع، بعد توظيف السائقين وتدريبهم.',
  ],
} as const;

export type Lang = keyof typeof PROSE;

/** An article body: prose paragraphs in <p>, wrapped in <article>. */
export function articleBody(lang: Lang, extra = ''): string {
  return `<article><h1>Headline</h1>${PROSE[lang].map((p) => `<p>${p}</p>`).join('')}${extra}</article>`;
}

/** Every sentence-bearing paragraph of `expected` is present in `text`. */
export function containsAll(text: string, expected: readonly string[]): string[] {
  return expected.filter((p) => !text.includes(p));
}
