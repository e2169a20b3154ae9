import { useRouteLoaderData } from "@remix-run/react";
import { translate, type Lang, type MessageKey, type Params, translateDynamic } from "./index";

interface RootLang {
  lang: Lang;
}

/** The current language, from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData("root") as RootLang | undefined;
  return data?.lang ?? "vi";
}

/** `t("nav.login")` in the current language. */
export function useT() {
  const lang = useLang();
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
  t.dynamic = (key: string, params?: Params) => translateDynamic(lang, key, params);
  t.lang = lang;
  return t;
}
