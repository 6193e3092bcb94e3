// `require("semver/functions/parse")` in the language client: the module is the function.
import { parse } from './semver';

export = parse;
