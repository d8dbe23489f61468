// The app loads a language's messages when a request or page needs them (src/lib/i18n); unit and
// component tests render in both languages, so every language is loaded before they run.
import { loadLanguage } from '../../src/lib/i18n/index';

await loadLanguage('en');
