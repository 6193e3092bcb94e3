// `require("semver/functions/satisfies")` in the language client: the module is the function.
import { satisfies } from './semver';

export = satisfies;
