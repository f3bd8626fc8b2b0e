/**
 * Small multilingual cue lists for calls to action and "related" labels. They are never enough
 * on their own: a line is cut only when its shape (short, no sentence ending, at an edge of the
 * article, or ALL-CAPS) agrees. Stems cover English, French, Spanish, Portuguese, Italian,
 * German, Dutch, Russian/Ukrainian, Polish, Turkish, Arabic and Chinese.
 */
export const CALL_TO_ACTION =
  /listen|subscri|follow us|follow on|download|newsletter|sign up|podcast|click|tap here|app\b|application|watch (live|now)|share this|on now|abonn|suivez|t[ée]l[ée]charg|[ée]coute|suscr[ií]b|s[ií]guenos|desc[aá]rga|escuch|inscreva|siga-nos|baixe|ou[çc]a|iscriviti|seguici|scarica|ascolta|abonnier|folgen sie|folge uns|herunterlad|anh[öo]ren|volg ons|download|подпис|следите|скачай|слушай|слухай|завантаж|obserwuj|subskryb|pobierz|abone ol|takip edin|indir|اشترك|تابعونا|تابعوا|حمّل|حمل التطبيق|استمع|关注|订阅|下载|收听/i;

export const RELATED_LABEL =
  /^(read (also|more)|see also|related|more on|also read|lire aussi|à lire aussi|voir aussi|lee (también|más)|ver también|leia (também|mais)|veja também|leggi anche|vedi anche|lesen sie auch|mehr zum thema|auch interessant|lees ook|читайте (также|еще|ещё)|читайте також|смотрите также|czytaj (też|także|więcej)|ayrıca okuyun|ilginizi çekebilir|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|相关阅读|延伸阅读|推荐阅读)(?=[\s:：.,!\-–—]|$)/iu;
