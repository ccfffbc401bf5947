/**
 * The languages of what a coordinator reads — CLI messages, reports, result files, error descriptions:
 * Russian (`"ru"`) and English (`"en"`). The one language type of the package; an option or parameter that
 * takes it is named `language`.
 */
export type Language = "ru" | "en";
