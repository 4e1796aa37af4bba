// Generated from the Rust by masthead-bindings (`UPDATE_EXPECT=1 cargo test -p masthead-bindings`). Do not edit: change the Rust and regenerate.
export interface LocaleRules {
  tag: string;
  date: string;
  months: string[];
  twelve_hour: boolean;
  weekdays: string[];
  sunday_first: boolean;
  group: string;
  decimal: string;
  money: string;
}
/** How each locale writes dates, numbers and money; the first is the fallback. */
export const LOCALES: LocaleRules[] = [{"tag":"en-GB","date":"{d} {m} {y}","months":["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],"twelve_hour":false,"weekdays":["Mo","Tu","We","Th","Fr","Sa","Su"],"sunday_first":false,"group":",","decimal":".","money":"{s}{n}"},{"tag":"en-US","date":"{m} {d}, {y}","months":["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],"twelve_hour":true,"weekdays":["Mo","Tu","We","Th","Fr","Sa","Su"],"sunday_first":true,"group":",","decimal":".","money":"{s}{n}"},{"tag":"de-DE","date":"{d}. {m} {y}","months":["Jan.","Feb.","März","Apr.","Mai","Juni","Juli","Aug.","Sept.","Okt.","Nov.","Dez."],"twelve_hour":false,"weekdays":["Mo","Di","Mi","Do","Fr","Sa","So"],"sunday_first":false,"group":".","decimal":",","money":"{n} {s}"},{"tag":"fr-FR","date":"{d} {m} {y}","months":["janv.","févr.","mars","avr.","mai","juin","juil.","août","sept.","oct.","nov.","déc."],"twelve_hour":false,"weekdays":["lu","ma","me","je","ve","sa","di"],"sunday_first":false,"group":" ","decimal":",","money":"{n} {s}"}];
/** Currencies written by their sign; any other by its code. */
export const CURRENCY_SIGNS: Record<string, string> = {"EUR":"€","GBP":"£","JPY":"¥","USD":"$"};
