/**
 * mathjs's single-file build (its package exports `./lib/browser/math.js`, without types of its own): the
 * same functions as `import … from "mathjs"`, as one CommonJS/UMD module.
 */
declare module "mathjs/lib/browser/math.js" {
  const math: import("mathjs").MathJsInstance;
  export default math;
}
