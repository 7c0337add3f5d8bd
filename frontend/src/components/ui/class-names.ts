/** Joins the truthy class names: `classNames('button', isActive && 'is-active')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
