/** The monitoring section of a program config: preset defaults, checks, the JSON Schema, the entry point. */
import { MonitoringSchema } from "mentor-match/monitoring";
import { FORMS, parseProgram, preset, presets, programJsonSchema } from "mentor-match";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as main from "mentor-match";

describe("the monitoring section", () => {
  it("every preset has parameters for both roles, satisfaction questions and the roadmaps' targets", () => {
    for (const form of FORMS) {
      const m = presets[form].monitoring!;
      expect(m.parameters.some((p) => p.role === "mentee")).toBe(true);
      expect(m.parameters.some((p) => p.role === "mentor")).toBe(true);
      expect(m.satisfaction.overall).toBe("overall");
      const targets = Object.fromEntries(m.kpis.map((k) => [k.id, k.target]));
      expect(targets).toMatchObject({ consents: 1, diagnostics: 1, participation: 1, plans: 90 });
    }
    expect(presets["teacher-teacher"].monitoring!.kpis.find((k) => k.metric === "coverage")!.target).toBe(
      0.1,
    );
    expect(
      presets["teacher-teacher"].monitoring!.parameters.find((p) => p.id === "difficulties")!.direction,
    ).toBe("lower");
  });

  it("a school changes a default through preset overrides", () => {
    const p = preset("teacher-teacher", {
      monitoring: {
        kpis: [
          {
            id: "coverage",
            metric: "coverage",
            population: 48,
            target: 0.1,
            label: { ru: "Охват", en: "Coverage" },
          },
        ],
      },
    });
    expect(p.monitoring!.kpis).toHaveLength(1);
    expect(p.monitoring!.kpis[0]!.population).toBe(48);
    expect(p.monitoring!.parameters.length).toBeGreaterThan(0);
  });

  it("names the key of a KPI that refers to an unknown question or parameter", () => {
    const r = MonitoringSchema.safeParse({
      parameters: [{ id: "motivation", label: { ru: "М", en: "M" } }],
      kpis: [
        { id: "a", metric: "satisfied", question: "nope", target: 0.8, label: { ru: "а", en: "a" } },
        { id: "b", metric: "improved", parameter: "nope", target: 0.5, label: { ru: "б", en: "b" } },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["kpis.0.question", "kpis.1.parameter"]);
    expect(() =>
      parseProgram({
        ...presets["student-student"],
        monitoring: { parameters: [{ id: "x", label: { ru: "x", en: "x" }, min: 5, max: 5 }] },
      }),
    ).toThrow();
  });

  it("the JSON Schema of a program describes the monitoring section", () => {
    const schema = programJsonSchema() as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(Object.keys(schema.properties.monitoring!.properties!).sort()).toEqual(
      ["alpha", "atRisk", "kpis", "minSignificanceN", "parameters", "satisfaction"].sort(),
    );
  });

  it("is reached from mentor-match/monitoring, not from the main entry point", () => {
    expect("buildMonitoring" in main).toBe(false);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
    expect(pkg.exports["./monitoring"].import.types).toBe("./dist/monitoring/index.d.ts");
    expect(pkg.exports["./monitoring"].require.default).toBe("./dist/cjs/monitoring/index.js");
  });
});
