// Words a clause writes for what the patterns already read, rewritten in the normalised text the patterns see —
// never in the clause, which is kept verbatim. Each rewrite says the same thing in the words the patterns know;
// where the words could say something else, the rewrite is not made and the clause stays a to-do. The order they
// are applied in is rewords.ts's (REWORDS and the passes after it).
// Here (session 24): a machine-rewritten copy's characters (展现 for 出现, 旳 for 的); session 29: 否者 for 否则.
import type { Reword } from "./rewords.js";

// 「展现退换兵的村」: a machine-rewritten copy's 展现 for 出现
export const COPY_ZHANXIAN: Reword = [/展现(?=[^,;。]{0,12}的)/g, "出现"];

// 「完毕率低于95%旳」: a machine-rewritten copy's 旳 is 的
export const COPY_DI: Reword = [/旳/g, "的"];

// 「…得2分,否者不得分」: a copy's 否者 for 否则 before the other side's 不得分 (session 29, qfdf-09)
export const COPY_FOUZHE: Reword = [/否者(?=[,]?(?:该项|本项|此项)?不(?:得|计|记)分)/g, "否则"];
