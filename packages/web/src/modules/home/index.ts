import { createRoute } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { HomePage } from "./HomePage";

export const homeModule = defineModule({
  name: "home",
  routes: (p) => [createRoute({ getParentRoute: () => p.root, path: "/", component: HomePage })],
});
