/**
 * Frequent words of news prose, used only to break ties between suggestions of equal cost (the
 * word lists carry no frequencies): "teh" is one swap from both "eth" and "the", and a reader
 * means "the". Written for Midad from ordinary newsroom vocabulary; small on purpose.
 */
const ENGLISH = `the of and to in a is that for it as was with be by on not he i this are or his from at which
but have an they you were her she there been one all we their has would when if so no will can more
about said its who what up out them then than into only other new some could time these two may first
after also did many before must through back years where much your way well down should because each
just those people how too little state good very make world still own see men work long get here between
both life being under never day same another know while last might us great old year off come since
against go came right used take three government minister president country police week city report`;

const ARABIC = `في من على إلى عن مع أن إن أو ثم لكن هذا هذه ذلك تلك التي الذي الذين اللذين بين بعد قبل عند خلال
حتى منذ كل بعض غير أيضا كان كانت يكون تكون قال قالت وقال وقالت أكد أعلن أعلنت أفاد أشار حيث فيما لم لن
قد ما لا هو هي هم نحن أنه أنها إنه إنها الحكومة الوزير الوزراء الوزارة الرئيس رئيس البرلمان المجلس
الدولة الانتخابات المدينة السلطات الشرطة اليوم أمس الأسبوع الشهر العام السنة الماضي المقبل المغرب
العربية الدولي الوطني الأمن الاقتصاد الشركة المشروع العمل الناس السكان المواطنين الشباب التعليم الصحة`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${ARABIC}`.split(/\s+/).filter(Boolean));
