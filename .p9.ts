import { runCli } from "./src/cli/run.ts";
import { createEngine } from "./src/cli/_internal/createEngine.ts";
const out: string[] = [], err: string[] = [];
const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {}, cwd: "/tmp/h6run", stderrIsTTY: false };
import { mkdirSync } from "node:fs"; mkdirSync("/tmp/h6run", { recursive: true });
const code = await runCli(["match", "--mentors", "/work/main/fixtures/demo/mentors.csv", "--mentees", "/work/main/fixtures/demo/mentees.csv", "--config", "/work/main/fixtures/demo/programme.json", "--out", "o"], io, createEngine());
console.log(code, out.join(""), err.join(""));
