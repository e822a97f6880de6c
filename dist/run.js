#!/usr/bin/env node
"use strict";
(function () {
  var v = process.versions.node.split(".");
  var major = Number(v[0]), minor = Number(v[1]);
  if (major < 18 || (major === 18 && minor < 17)) {
    process.stdout.write("ise-to-mail: ERROR needs Node.js >= 18.17, found " + process.version + "\n");
    process.exit(2);
  }
})();
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/core/errors.ts
function describe(err) {
  if (err instanceof Error) {
    const code3 = err.code;
    return typeof code3 === "string" && !err.message.includes(code3) ? `${err.message} (${code3})` : err.message;
  }
  return String(err);
}
var Exit, STOP_SIGNALS, isStopSignal, stopKind, STOP_KINDS, KIND_EXIT, AppError, usageError, stateError, iseError, mailError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    Exit = {
      ok: 0,
      internal: 1,
      usage: 2,
      account: 3,
      ise: 4,
      mail: 5,
      locked: 6
    };
    STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
    isStopSignal = (name) => typeof name === "string" && Object.hasOwn(STOP_SIGNALS, name);
    stopKind = (s) => s.toLowerCase();
    STOP_KINDS = Object.fromEntries(Object.entries(STOP_SIGNALS).map(([s, code3]) => [s.toLowerCase(), code3]));
    KIND_EXIT = {
      /** A flag, a variable or the config file is wrong. */
      usage: Exit.usage,
      /** The state directory or a file in it cannot be read or written. */
      state: Exit.usage,
      /** The pxGrid client waits for an ISE admin's approval. */
      "account-pending": Exit.account,
      /** The pxGrid client is disabled on ISE. */
      "account-disabled": Exit.account,
      /** ISE refuses this client's account or credentials otherwise. */
      account: Exit.account,
      /** ISE cannot be reached (DNS, TCP, a dropped connection). */
      "ise-unreachable": Exit.ise,
      /** The TLS handshake with ISE failed (trust, host name, client certificate). */
      "ise-tls": Exit.ise,
      /** ISE did not answer in time, or the run's deadline ran out while waiting for it. */
      "ise-timeout": Exit.ise,
      /** ISE answered, but not as pxGrid should (HTTP status, body shape, size). */
      "ise-protocol": Exit.ise,
      /** The mail server refused or could not be reached; nothing was delivered. */
      mail: Exit.mail,
      /**
       * The mail server refused the message for its content (5xx after DATA: a content, spam or DLP
       * filter): the server accepts mail, so a mail without the refused values can still go out.
       */
      "mail-content": Exit.mail,
      /** Another run holds the lock. */
      locked: Exit.locked,
      /** Another run has held the lock longer than HEALTH_ALERT_AFTER: it may be stuck. */
      "lock-stuck": Exit.locked,
      /** Stopped by a signal (EEM or an operator): 128 + the signal's number. */
      ...STOP_KINDS,
      /** A fault of ours. */
      internal: Exit.internal
    };
    AppError = class _AppError extends Error {
      constructor(kind, message, options) {
        super(message, options);
        this.kind = kind;
        this.name = "AppError";
      }
      kind;
      get exitCode() {
        return KIND_EXIT[this.kind];
      }
      /** The same kind and cause with more said: for a note appended on the way out. */
      withNote(note3) {
        return new _AppError(this.kind, `${this.message}; ${note3}`, { cause: this });
      }
    };
    usageError = (msg) => new AppError("usage", msg);
    stateError = (msg, cause) => new AppError("state", msg, { cause });
    iseError = (msg, cause) => new AppError("ise-protocol", msg, { cause });
    mailError = (msg, cause) => new AppError("mail", msg, { cause });
  }
});

// src/core/testing.ts
function armFailpoints(hit) {
  armed = hit;
}
function failpoint(phase) {
  armed?.(phase);
}
function testClock(text4, realNow = Date.now) {
  if (!text4) return void 0;
  const start = /^\d+$/.test(text4) ? Number(text4) : Date.parse(text4);
  if (!Number.isFinite(start)) return void 0;
  const offset = start - realNow();
  return () => realNow() + offset;
}
function applyTestEnv(env, kill) {
  const crashAt = env.ISE_TO_MAIL_TEST_CRASH;
  armFailpoints(crashAt ? (phase) => phase === crashAt && kill() : void 0);
  setStateFault(env.ISE_TO_MAIL_TEST_STATE_FAULT);
  return testClock(env.ISE_TO_MAIL_TEST_NOW) ?? Date.now;
}
function setStateFault(spec) {
  if (!spec) {
    stateFault = void 0;
    return;
  }
  const [code3, names2] = spec.split(":");
  stateFault = { code: code3, names: names2 ? names2.split(",") : void 0 };
}
function checkStateWrite(file) {
  if (!stateFault) return;
  if (stateFault.names && !stateFault.names.includes((0, import_node_path.basename)(file))) return;
  const { code: code3 } = stateFault;
  throw Object.assign(new Error(`${code3}: injected by ISE_TO_MAIL_TEST_STATE_FAULT, write '${file}'`), {
    code: code3,
    syscall: "write",
    path: file
  });
}
var import_node_path, armed, stateFault;
var init_testing = __esm({
  "src/core/testing.ts"() {
    "use strict";
    import_node_path = require("node:path");
  }
});

// src/core/version.ts
var VERSION;
var init_version = __esm({
  "src/core/version.ts"() {
    "use strict";
    VERSION = true ? "0.1.0" : "dev";
  }
});

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports2) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code3, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code3;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.length > 3 && this._name.slice(-3) === "...") {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _concatValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        return previous.concat(value);
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._concatValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports2.Argument = Argument2;
    exports2.humanReadableArgName = humanReadableArgName;
  }
});

// lazy:child_process
var require_child_process = __commonJS({
  "lazy:child_process"(exports2, module2) {
    var real;
    module2.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports2) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          return `${option.description} (${extraInfo.join(", ")})`;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        if (argumentList.length > 0) {
          output = output.concat([
            helper.styleTitle("Arguments:"),
            ...argumentList,
            ""
          ]);
        }
        const optionList = helper.visibleOptions(cmd).map((option) => {
          return callFormatItem(
            helper.styleOptionTerm(helper.optionTerm(option)),
            helper.styleOptionDescription(helper.optionDescription(option))
          );
        });
        if (optionList.length > 0) {
          output = output.concat([
            helper.styleTitle("Options:"),
            ...optionList,
            ""
          ]);
        }
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          if (globalOptionList.length > 0) {
            output = output.concat([
              helper.styleTitle("Global Options:"),
              ...globalOptionList,
              ""
            ]);
          }
        }
        const commandList = helper.visibleCommands(cmd).map((cmd2) => {
          return callFormatItem(
            helper.styleSubcommandTerm(helper.subcommandTerm(cmd2)),
            helper.styleSubcommandDescription(helper.subcommandDescription(cmd2))
          );
        });
        if (commandList.length > 0) {
          output = output.concat([
            helper.styleTitle("Commands:"),
            ...commandList,
            ""
          ]);
        }
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str2) {
        return stripColor(str2).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str2) {
        return str2;
      }
      styleUsage(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleOptionDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleSubcommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleArgumentDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleDescriptionText(str2) {
        return str2;
      }
      styleOptionTerm(str2) {
        return this.styleOptionText(str2);
      }
      styleSubcommandTerm(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str2) {
        return this.styleArgumentText(str2);
      }
      styleOptionText(str2) {
        return str2;
      }
      styleArgumentText(str2) {
        return str2;
      }
      styleSubcommandText(str2) {
        return str2;
      }
      styleCommandText(str2) {
        return str2;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str2) {
        return /\n[^\S\r\n]/.test(str2);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str2, width) {
        if (width < this.minWidthToWrap) return str2;
        const rawLines = str2.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str2) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str2.replace(sgrPattern, "");
    }
    exports2.Help = Help2;
    exports2.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names2) {
        this.conflictsWith = this.conflictsWith.concat(names2);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide2 = true) {
        this.hidden = !!hide2;
        return this;
      }
      /**
       * @package
       */
      _concatValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        return previous.concat(value);
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._concatValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str2) {
      return str2.split("-").reduce((str3, word) => {
        return str3 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports2.Option = Option2;
    exports2.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports2) {
    var maxDistance = 3;
    function editDistance2(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance2(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports2.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports2) {
    var EventEmitter = require("node:events").EventEmitter;
    var childProcess = require_child_process();
    var path = require("node:path");
    var fs = require("node:fs");
    var process2 = require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str2) => process2.stdout.write(str2),
          writeErr: (str2) => process2.stderr.write(str2),
          outputError: (str2, write) => write(str2),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str2) => stripColor(str2)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        Object.assign(this._outputConfiguration, configuration);
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [fn] - custom argument processing function
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, fn, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof fn === "function") {
          argument.default(defaultValue).argParser(fn);
        } else {
          argument.default(fn);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names2) {
        names2.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument && previousArgument.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          return this;
        }
        enableOrNameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = enableOrNameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code3, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code3, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._concatValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config2, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config2.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code3) => {
          code3 = code3 ?? 1;
          if (!exitCallback) {
            process2.exit(code3);
          } else {
            exitCallback(
              new CommanderError2(
                code3,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown2) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown2));
          } else {
            return subCommand._parseCommand(operands, unknown2);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise && promise.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown2) {
        const parsed = this.parseOptions(unknown2);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown2 = parsed.unknown;
        this.args = operands.concat(unknown2);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown2);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown2);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown2
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown2);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent && this.parent.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown2);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown2);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown2);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} argv
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(argv) {
        const operands = [];
        const unknown2 = [];
        let dest = operands;
        const args = argv.slice();
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        let activeVariadicOption = null;
        while (args.length) {
          const arg = args.shift();
          if (arg === "--") {
            if (dest === unknown2) dest.push(arg);
            dest.push(...args);
            break;
          }
          if (activeVariadicOption && !maybeOption(arg)) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args.shift();
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (args.length > 0 && !maybeOption(args[0])) {
                  value = args.shift();
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                args.unshift(`-${arg.slice(2)}`);
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (maybeOption(arg)) {
            dest = unknown2;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown2.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              if (args.length > 0) unknown2.push(...args);
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg);
              if (args.length > 0) operands.push(...args);
              break;
            } else if (this._defaultCommandName) {
              unknown2.push(arg);
              if (args.length > 0) unknown2.push(...args);
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg);
            if (args.length > 0) dest.push(...args);
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown: unknown2 };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config2 = errorOptions || {};
        const exitCode = config2.exitCode || 1;
        const code3 = config2.code || "commander.error";
        this._exit(exitCode, code3, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str2, flags, description) {
        if (str2 === void 0) return this._version;
        this._version = str2;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str2}
`);
          this._exit(0, "commander.version", str2);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str2, argsDescription) {
        if (str2 === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str2;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str2) {
        if (str2 === void 0) return this._summary;
        this._summary = str2;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str2) {
        if (str2 === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str2;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str2) {
        if (str2 === void 0) return this._name;
        this._name = str2;
        return this;
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text4 = helper.formatHelp(this, helper);
        if (context.hasColors) return text4;
        return this._outputConfiguration.stripColor(text4);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str2) => this._outputConfiguration.writeErr(str2);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str2) => this._outputConfiguration.writeOut(str2);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str2) => {
          if (!hasColors) str2 = this._outputConfiguration.stripColor(str2);
          return baseWrite(str2);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            this._helpOption = this._helpOption ?? void 0;
          } else {
            this._helpOption = null;
          }
          return this;
        }
        flags = flags ?? "-h, --help";
        description = description ?? "display help for command";
        this._helpOption = this.createOption(flags, description);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text4) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text4 === "function") {
            helpStr = text4({ error: context.error, command: context.command });
          } else {
            helpStr = text4;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports2.Command = Command2;
    exports2.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports2) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports2.program = new Command2();
    exports2.createCommand = (name) => new Command2(name);
    exports2.createOption = (flags, description) => new Option2(flags, description);
    exports2.createArgument = (name, description) => new Argument2(name, description);
    exports2.Command = Command2;
    exports2.Option = Option2;
    exports2.Argument = Argument2;
    exports2.Help = Help2;
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
    exports2.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index, program, createCommand, createArgument, createOption, CommanderError, InvalidArgumentError, InvalidOptionArgumentError, Command, Argument, Option, Help;
var init_esm = __esm({
  "node_modules/commander/esm.mjs"() {
    import_index = __toESM(require_commander(), 1);
    ({
      program,
      createCommand,
      createArgument,
      createOption,
      CommanderError,
      InvalidArgumentError,
      InvalidOptionArgumentError,
      Command: (
        // deprecated old name
        Command
      ),
      Argument,
      Option,
      Help
    } = import_index.default);
  }
});

// src/core/interrupt.ts
function interrupted(stop, what, left2) {
  const name = String(stop.reason);
  const tail = left2 ? `; ${LEFTOVER[left2]}` : "";
  const kind = isStopSignal(name) ? stopKind(name) : "sigterm";
  return new AppError(kind, `stopped by ${name} before ${what} finished${tail}`);
}
function stopIfAsked(stop, left2 = "fetched-again") {
  if (stop?.aborted) throw interrupted(stop, THE_RUN, left2);
}
async function recordingDelivery(work) {
  const holds = /* @__PURE__ */ new Set();
  deliveryHolds = holds;
  try {
    return await work();
  } finally {
    if (deliveryHolds === holds) deliveryHolds = void 0;
    for (const release of holds) release();
  }
}
function holdForData() {
  const holds = deliveryHolds;
  if (!holds || stopAsked) return () => void 0;
  let release = () => void 0;
  void mustFinish(new Promise((r) => release = r));
  holds.add(release);
  return () => {
    holds.delete(release);
    release();
  };
}
function deliveryHeld() {
  return (deliveryHolds?.size ?? 0) > 0;
}
function stoppedAfterDelivery(stop, mailed, moved) {
  const name = String(stop.reason);
  const kind = isStopSignal(name) ? stopKind(name) : "sigterm";
  return new AppError(
    kind,
    `stopped by ${name} after the mail was delivered (${mailed}); ${moved}, nothing is sent again`
  );
}
function mustFinish(work) {
  unstoppable.add(work);
  const settled2 = () => unstoppable.delete(work);
  work.then(settled2, settled2);
  return work;
}
function untilStopped(stop, work, what, left2) {
  if (!stop) return work;
  const stopped = () => interrupted(stop, what, left2?.());
  if (stop.aborted) return Promise.reject(stopped());
  stopAsked = false;
  return new Promise((resolve3, reject) => {
    const onStop = () => {
      stopAsked = true;
      void Promise.allSettled([...unstoppable]).then(() => setImmediate(() => reject(stopped())));
    };
    stop.addEventListener("abort", onStop, { once: true });
    work.then(resolve3, reject).finally(() => stop.removeEventListener("abort", onStop));
  });
}
var THE_RUN, LEFTOVER, unstoppable, stopAsked, deliveryHolds;
var init_interrupt = __esm({
  "src/core/interrupt.ts"() {
    "use strict";
    init_errors();
    THE_RUN = "the run";
    LEFTOVER = {
      "fetched-again": "the cursor is unchanged, so the next run fetches the same failures again",
      spooled: "the failures are held in the digest spool and go out with its next mail (the cursor has moved past them)"
    };
    unstoppable = /* @__PURE__ */ new Set();
    stopAsked = false;
  }
});

// src/core/printable.ts
function printable(text4) {
  return text4.replace(/[\r\n\u2028\u2029]+/g, " ").replace(UNSAFE, "?");
}
var UNSAFE;
var init_printable = __esm({
  "src/core/printable.ts"() {
    "use strict";
    UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;
  }
});

// src/core/redact.ts
function learnSecret(...raw) {
  for (const s of raw) for (const form of [s, ...encodings(s)]) if (form.length >= 4) learnt.add(form);
}
function encodings(raw) {
  const bytes = Buffer.from(raw, "utf8");
  const base64 = bytes.toString("base64");
  const hex = bytes.toString("hex");
  return [base64, base64.replace(/=+$/, ""), hex, hex.toUpperCase()];
}
function redact(text4, secrets) {
  const all = learnt.size ? [...secrets, ...learnt] : secrets;
  return all.reduce((acc, s) => acc.split(s).join("***"), text4);
}
var learnt;
var init_redact = __esm({
  "src/core/redact.ts"() {
    "use strict";
    learnt = /* @__PURE__ */ new Set();
  }
});

// src/core/outcome.ts
function formatSummary(o, json, secrets = []) {
  if (!json) {
    const line = redact(printable(`${o.afterConfig ? "! " : ""}ise-to-mail: ${o.status} ${o.message}`), secrets);
    if (line.length <= SUMMARY_MAX) return line;
    const head = line.slice(0, HEAD).replace(/[\ud800-\udbff]$/, "");
    const tail = line.slice(line.length - (SUMMARY_MAX - HEAD - CUT.length)).replace(/^[\udc00-\udfff]/, "");
    return `${head}${CUT}${tail}`;
  }
  const data = Object.entries(o.data ?? {}).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]);
  return JSON.stringify({
    status: o.status,
    exitCode: o.exitCode,
    message: printable(o.message),
    ...Object.fromEntries(data)
  });
}
var SUMMARY_MAX, HEAD, CUT;
var init_outcome = __esm({
  "src/core/outcome.ts"() {
    "use strict";
    init_printable();
    init_redact();
    SUMMARY_MAX = 800;
    HEAD = 400;
    CUT = " ... ";
  }
});

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function escapeRegex(str2) {
  return str2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function codePointLength(str2) {
  const units = str2.length;
  if (!highSurrogate.test(str2))
    return units;
  let count3 = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str2.charCodeAt(i) & 64512) === 55296 && (str2.charCodeAt(i + 1) & 64512) === 56320) {
      count3--;
      i++;
    }
  }
  return count3;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
var Cached, captureStackTrace, propertyKeyTypes, NUMBER_FORMAT_RANGES, highSurrogate, installing, broke, breaker;
var init_util = __esm({
  "node_modules/zod/v4/core/util.js"() {
    Cached = class {
      constructor(getter) {
        this._getter = getter;
        this._value = void 0;
      }
      get value() {
        const getter = this._getter;
        if (getter !== void 0) {
          this._value = getter();
          this._getter = void 0;
        }
        return this._value;
      }
    };
    captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
    };
    propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
    NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
      safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      int32: [-2147483648, 2147483647],
      uint32: [0, 4294967295],
      float32: [-34028234663852886e22, 34028234663852886e22],
      float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
    }))();
    highSurrogate = /[\uD800-\uDBFF]/;
    broke = false;
    breaker = {
      configurable: true,
      get() {
        broke = true;
        return void 0;
      }
    };
  }
});

// node_modules/zod/v4/core/core.js
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}
var _a, NEVER, _zodDesc, _E, $ZodAsyncError, $ZodEncodeError, globalConfig;
var init_core = __esm({
  "node_modules/zod/v4/core/core.js"() {
    init_util();
    NEVER = /* @__PURE__ */ Object.freeze({
      status: "aborted"
    });
    _zodDesc = { value: void 0, enumerable: false };
    _E = "captureStackTrace" in Error ? Error : null;
    $ZodAsyncError = class extends Error {
      constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
      }
    };
    $ZodEncodeError = class extends Error {
      constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
      }
    };
    (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
    globalConfig = globalThis.__zod_globalConfig;
  }
});

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc, _issuesDesc, _installedToString, initializer, $ZodError, $ZodRealError;
var init_errors2 = __esm({
  "node_modules/zod/v4/core/errors.js"() {
    init_core();
    init_util();
    _messageDesc = {
      get: _getMessage,
      set: _setMessage,
      enumerable: true,
      configurable: true
    };
    _issuesDesc = { value: void 0, enumerable: false };
    _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
    initializer = (inst, def) => {
      inst.name = "$ZodError";
      _issuesDesc.value = def;
      Object.defineProperty(inst, "issues", _issuesDesc);
      _issuesDesc.value = void 0;
      Object.defineProperty(inst, "message", _messageDesc);
      const proto = Object.getPrototypeOf(inst);
      if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
          configurable: true,
          enumerable: false,
          get() {
            const value = () => this.message;
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            return value;
          },
          set(value) {
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
          }
        });
      }
    };
    $ZodError = $constructor("$ZodError", initializer);
    $ZodRealError = $constructor("$ZodError", initializer, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/core/parse.js
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _parse, parse, _parseAsync, parseAsync, _safeParse, safeParse, _safeParseAsync, safeParseAsync;
var init_parse = __esm({
  "node_modules/zod/v4/core/parse.js"() {
    init_core();
    init_errors2();
    init_util();
    _parse = (_Err) => {
      const fn = (schema2, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema2._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
          throw new $ZodAsyncError();
        }
        if (result.issues.length) {
          const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, _params?.callee ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    parse = /* @__PURE__ */ _parse($ZodRealError);
    _parseAsync = (_Err) => {
      const fn = async (schema2, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema2._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
          result = await result;
        if (result.issues.length) {
          const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, params?.callee ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
    _safeParse = (_Err) => (schema2, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
      const result = schema2._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise) {
        throw new $ZodAsyncError();
      }
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
    _safeParseAsync = (_Err) => async (schema2, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
      let result = schema2._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise)
        result = await result;
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);
  }
});

// node_modules/zod/v4/core/regexes.js
var anyString, number, boolean;
var init_regexes = __esm({
  "node_modules/zod/v4/core/regexes.js"() {
    anyString = /^[\s\S]{0,}$/;
    number = /^-?\d+(?:\.\d+)?$/;
    boolean = /^(?:true|false)$/i;
  }
});

// node_modules/zod/v4/core/checks.js
var $ZodCheck, _whenHasLength, numericOriginMap, $ZodCheckGreaterThan, $ZodCheckNumberFormat, $ZodCheckMinLength, $ZodCheckLengthEquals, $ZodCheckStringFormat, $ZodCheckRegex;
var init_checks = __esm({
  "node_modules/zod/v4/core/checks.js"() {
    init_core();
    init_util();
    $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
      var _a3;
      inst._zod ?? (inst._zod = {});
      inst._zod.def = def;
      (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
    });
    _whenHasLength = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.length !== void 0;
    };
    numericOriginMap = {
      number: "number",
      bigint: "bigint",
      object: "date"
    };
    $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
      $ZodCheck.init(inst, def);
      const origin = numericOriginMap[typeof def.value];
      inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
          return;
        }
        payload.issues.push({
          origin: numericOriginMap[typeof payload.value] ?? origin,
          code: "too_small",
          minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
          input: payload.value,
          inclusive: def.inclusive,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
      $ZodCheck.init(inst, def);
      def.format = def.format || "float64";
      const isInt = def.format?.includes("int");
      const origin = isInt ? "int" : "number";
      const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
      inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
          if (!Number.isInteger(input)) {
            payload.issues.push({
              expected: origin,
              format: def.format,
              code: "invalid_type",
              continue: false,
              input,
              inst
            });
            return;
          }
          if (!Number.isSafeInteger(input)) {
            if (input > 0) {
              payload.issues.push({
                input,
                code: "too_big",
                maximum: Number.MAX_SAFE_INTEGER,
                note: "Integers must be within the safe integer range.",
                inst,
                origin,
                inclusive: true,
                continue: !def.abort
              });
            } else {
              payload.issues.push({
                input,
                code: "too_small",
                minimum: Number.MIN_SAFE_INTEGER,
                note: "Integers must be within the safe integer range.",
                inst,
                origin,
                inclusive: true,
                continue: !def.abort
              });
            }
            return;
          }
        }
        if (input < minimum) {
          payload.issues.push({
            origin: "number",
            input,
            code: "too_small",
            minimum,
            inclusive: true,
            inst,
            continue: !def.abort
          });
        }
        if (input > maximum) {
          payload.issues.push({
            origin: "number",
            input,
            code: "too_big",
            maximum,
            inclusive: true,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
        if (length >= def.minimum)
          return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
          origin,
          code: "too_small",
          minimum: def.minimum,
          inclusive: true,
          input,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input) : units;
        if (length === def.length)
          return;
        const origin = getLengthableOrigin(input);
        const tooBig2 = length > def.length;
        payload.issues.push({
          origin,
          ...tooBig2 ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
          inclusive: true,
          exact: true,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
      var _a3, _b;
      $ZodCheck.init(inst, def);
      if (def.pattern)
        (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
          def.pattern.lastIndex = 0;
          if (def.pattern.test(payload.value))
            return;
          payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            ...def.pattern ? { pattern: def.pattern.toString() } : {},
            inst,
            continue: !def.abort
          });
        });
      else
        (_b = inst._zod).check ?? (_b.check = () => {
        });
    });
    $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
      $ZodCheckStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "regex",
          input: payload.value,
          pattern: def.pattern.toString(),
          inst,
          continue: !def.abort
        });
      };
    });
  }
});

// node_modules/zod/v4/core/doc.js
var init_doc = __esm({
  "node_modules/zod/v4/core/doc.js"() {
  }
});

// node_modules/zod/v4/core/versions.js
var version;
var init_versions = __esm({
  "node_modules/zod/v4/core/versions.js"() {
    version = {
      major: 4,
      minor: 6,
      patch: 7
    };
  }
});

// node_modules/zod/v4/core/schemas.js
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
function getTupleOptStart(items, key) {
  for (let i = items.length - 1; i >= 0; i--) {
    const omittable = key === "optin" ? items[i]._zod.optin !== void 0 : items[i]._zod.optout === "optional";
    if (!omittable)
      return i + 1;
  }
  return 0;
}
function handleTupleResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
  for (let i = 0; i < items.length; i++) {
    const r = itemResults[i];
    const isPresent = i < input.length;
    if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
      final.value.length = i;
      break;
    }
    if (r.issues.length) {
      if (!isPresent && i >= optoutStart) {
        final.value.length = i;
        break;
      }
      final.issues.push(...prefixIssues(i, r.issues));
    }
    final.value[i] = r.value;
  }
  for (let i = final.value.length - 1; i >= input.length; i--) {
    if (items[i]._zod.optout === "optional" && final.value[i] === void 0) {
      final.value.length = i;
    } else {
      break;
    }
  }
  return final;
}
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
function handlePipeResult(left2, next, ctx) {
  if (left2.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left2.aborted = true;
    return left2;
  }
  return next._zod.run({ value: left2.value, issues: left2.issues }, ctx);
}
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}
var $ZodType, toStandardResult, $ZodString, $ZodNumber, $ZodNumberFormat, $ZodBoolean, $ZodUnknown, arraySize, $ZodArray, NO_SYMBOL_KEYS, $ZodObject, $ZodTuple, $ZodRecord, $ZodEnum, $ZodLiteral, $ZodTransform, $ZodOptional, $ZodNullable, $ZodPipe, $ZodCustom;
var init_schemas = __esm({
  "node_modules/zod/v4/core/schemas.js"() {
    init_checks();
    init_core();
    init_regexes();
    init_util();
    init_versions();
    init_util();
    $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
      var _a3;
      inst ?? (inst = {});
      inst._zod.def = def;
      inst._zod.bag = inst._zod.bag || {};
      inst._zod.version = version;
      const defChecks = inst._zod.def.checks;
      const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
      for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
          fn(inst);
        }
      }
      if (checks.length === 0) {
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred?.push(() => {
          inst._zod.run = inst._zod.parse;
        });
      } else {
        const runChecks = (payload, checks2, ctx) => {
          if (payload.memo)
            return payload;
          let isAborted = aborted(payload);
          let asyncResult;
          for (const ch of checks2) {
            if (ch._zod.def.when) {
              if (explicitlyAborted(payload))
                continue;
              const shouldRun = ch._zod.def.when(payload);
              if (!shouldRun)
                continue;
            } else if (isAborted) {
              continue;
            }
            const currLen = payload.issues.length;
            const _ = ch._zod.check(payload);
            if (_ instanceof Promise && ctx?.async === false) {
              throw new $ZodAsyncError();
            }
            if (asyncResult || _ instanceof Promise) {
              asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                await _;
                const nextLen = payload.issues.length;
                if (nextLen === currLen)
                  return;
                attachSchema(payload.issues, currLen, inst);
                if (!isAborted)
                  isAborted = aborted(payload, currLen);
              });
            } else {
              const nextLen = payload.issues.length;
              if (nextLen === currLen)
                continue;
              attachSchema(payload.issues, currLen, inst);
              if (!isAborted)
                isAborted = aborted(payload, currLen);
            }
          }
          if (asyncResult) {
            return asyncResult.then(() => {
              return payload;
            });
          }
          return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
          if (aborted(canary)) {
            canary.aborted = true;
            return canary;
          }
          const checkResult = runChecks(payload, checks, ctx);
          if (checkResult instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
          }
          return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
          if (ctx.skipChecks) {
            return inst._zod.parse(payload, ctx);
          }
          if (ctx.direction === "backward") {
            const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
            if (canary instanceof Promise) {
              return canary.then((canary2) => {
                return handleCanaryResult(canary2, payload, ctx);
              });
            }
            return handleCanaryResult(canary, payload, ctx);
          }
          const result = inst._zod.parse(payload, ctx);
          if (result instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return result.then((result2) => runChecks(result2, checks, ctx));
          }
          return runChecks(result, checks, ctx);
        };
      }
    }, {
      // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
      get "~standard"() {
        return hide(this, "~standard", standardProps(this));
      },
      set "~standard"(value) {
        own(this, "~standard", value);
      }
    });
    toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
    $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = def.pattern ?? anyString;
      inst._zod.parse = (payload, _) => {
        if (def.coerce)
          try {
            payload.value = String(payload.value);
          } catch (_2) {
          }
        if (typeof payload.value === "string")
          return payload;
        payload.issues.push({
          expected: "string",
          code: "invalid_type",
          input: payload.value,
          inst
        });
        return payload;
      };
    });
    $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = number;
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Number(payload.value);
          } catch (_) {
          }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
          return payload;
        }
        const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
        payload.issues.push({
          expected: "number",
          code: "invalid_type",
          input,
          inst,
          ...received ? { received } : {}
        });
        return payload;
      };
    });
    $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
      $ZodCheckNumberFormat.init(inst, def);
      $ZodNumber.init(inst, def);
    });
    $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = boolean;
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Boolean(payload.value);
          } catch (_) {
          }
        const input = payload.value;
        if (typeof input === "boolean")
          return payload;
        payload.issues.push({
          expected: "boolean",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      };
    });
    $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload) => payload;
    });
    arraySize = (input) => Array.isArray(input) ? input.length : -1;
    $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
      $ZodType.init(inst, def);
      const memo = globalConfig.memoizer;
      memo?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
          payload.issues.push({
            expected: "array",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
          const item = input[i];
          const result = def.element._zod.run({
            value: item,
            issues: []
          }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
          } else {
            handleArrayResult(result, payload, i);
            if (abortEarly && result.issues.length !== 0 && aborted(result))
              break;
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => payload);
        }
        return payload;
      };
      capSize(inst, arraySize);
    });
    NO_SYMBOL_KEYS = [];
    $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
      $ZodType.init(inst, def);
      const desc = Object.getOwnPropertyDescriptor(def, "shape");
      const sh = desc?.get ? desc.get.raw : def.shape ?? {};
      if (sh) {
        const get = () => {
          const newSh = { ...sh };
          Object.defineProperty(def, "shape", { value: newSh });
          get.raw = newSh;
          return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
      }
      const _normalized = cached(() => normalizeDef(def));
      defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
          const field2 = shape[key]._zod;
          if (field2.values) {
            if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
              assignProp(propValues, key, /* @__PURE__ */ new Set());
            }
            for (const v of field2.values)
              propValues[key].add(v);
            if (field2.optin !== void 0)
              propValues[key].add(void 0);
          }
        }
        return propValues;
      });
      const isObject3 = isObject;
      const catchall = def.catchall;
      let value;
      const memo = globalConfig.memoizer;
      memo?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject3(input)) {
          payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
          if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
              break;
            seen = payload.issues.length;
          }
          if (key === "__proto__")
            continue;
          const el = shape[key];
          const optin = el._zod.optin;
          const optout = el._zod.optout;
          const r = el._zod.run({ value: input[key], issues: [] }, ctx);
          if (r instanceof Promise) {
            proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
          } else {
            handlePropertyResult(r, payload, key, input, optin, optout);
          }
        }
        if (!catchall) {
          return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
      };
    });
    $ZodTuple = /* @__PURE__ */ $constructor("$ZodTuple", (inst, def) => {
      $ZodType.init(inst, def);
      const items = def.items;
      const memo = globalConfig.memoizer;
      memo?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
          payload.issues.push({
            input,
            inst,
            expected: "tuple",
            code: "invalid_type"
          });
          return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
          if (input.length < optinStart) {
            payload.issues.push({
              code: "too_small",
              minimum: optinStart,
              inclusive: true,
              input,
              inst,
              origin: "array"
            });
            return payload;
          }
          if (input.length > items.length) {
            payload.issues.push({
              code: "too_big",
              maximum: items.length,
              inclusive: true,
              input,
              inst,
              origin: "array"
            });
          }
        }
        const itemResults = new Array(items.length);
        const abortEarly = def.rest ? ctx?.abortEarly : void 0;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
          const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
          if (r instanceof Promise) {
            proms.push(r.then((rr) => {
              itemResults[i] = rr;
            }));
          } else {
            itemResults[i] = r;
            if (abortEarly && !itemAborted && r.issues.length)
              itemAborted = aborted(r);
          }
        }
        if (def.rest && !itemAborted) {
          let i = items.length - 1;
          const rest = input.slice(items.length);
          let seen = payload.issues.length;
          for (const el of rest) {
            if (abortEarly && payload.issues.length !== seen) {
              if (aborted(payload, seen))
                break;
              seen = payload.issues.length;
            }
            i++;
            const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
            if (result instanceof Promise) {
              proms.push(result.then((r) => handleTupleResult(r, payload, i)));
            } else {
              handleTupleResult(result, payload, i);
            }
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
      };
    });
    $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
      $ZodType.init(inst, def);
      const memo = globalConfig.memoizer;
      memo?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
          payload.issues.push({
            expected: "record",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
          payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
          const recordKeys = /* @__PURE__ */ new Set();
          for (const key of values) {
            if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
              recordKeys.add(typeof key === "number" ? key.toString() : key);
              if (key === "__proto__")
                continue;
              const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
              if (keyResult instanceof Promise) {
                throw new Error("Async schemas not supported in object keys currently");
              }
              if (keyResult.issues.length) {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
                continue;
              }
              const outKey = keyResult.value;
              if (outKey === "__proto__")
                continue;
              const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
              if (result instanceof Promise) {
                proms.push(result.then((result2) => {
                  if (result2.issues.length) {
                    payload.issues.push(...prefixIssues(key, result2.issues));
                  }
                  payload.value[outKey] = result2.value;
                }));
              } else {
                if (result.issues.length) {
                  payload.issues.push(...prefixIssues(key, result.issues));
                }
                payload.value[outKey] = result.value;
              }
            }
          }
          let unrecognized;
          for (const key in input) {
            if (!recordKeys.has(key)) {
              if (def.mode === "loose") {
                if (key === "__proto__")
                  continue;
                payload.value[key] = input[key];
              } else {
                unrecognized = unrecognized ?? [];
                unrecognized.push(key);
              }
            }
          }
          if (unrecognized && unrecognized.length > 0) {
            payload.issues.push({
              code: "unrecognized_keys",
              input,
              inst,
              keys: unrecognized,
              continue: true
            });
          }
        } else {
          payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
          let unrecognized;
          for (const key of Reflect.ownKeys(input)) {
            if (key === "__proto__")
              continue;
            if (!Object.prototype.propertyIsEnumerable.call(input, key))
              continue;
            let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            if (keyResult instanceof Promise) {
              throw new Error("Async schemas not supported in object keys currently");
            }
            const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
            if (checkNumericKey) {
              const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
              if (retryResult instanceof Promise) {
                throw new Error("Async schemas not supported in object keys currently");
              }
              if (retryResult.issues.length === 0) {
                keyResult = retryResult;
              }
            }
            if (keyResult.issues.length) {
              if (def.mode === "loose") {
                payload.value[key] = input[key];
              } else if (values) {
                unrecognized = unrecognized ?? [];
                unrecognized.push(key);
              } else {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
              }
              continue;
            }
            const outKey = keyResult.value;
            if (outKey === "__proto__")
              continue;
            const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
            if (result instanceof Promise) {
              proms.push(result.then((result2) => {
                if (result2.issues.length) {
                  payload.issues.push(...prefixIssues(key, result2.issues));
                }
                payload.value[outKey] = result2.value;
              }));
            } else {
              if (result.issues.length) {
                payload.issues.push(...prefixIssues(key, result.issues));
              }
              payload.value[outKey] = result.value;
            }
          }
          if (unrecognized && unrecognized.length > 0) {
            payload.issues.push({
              code: "unrecognized_keys",
              input,
              inst,
              keys: unrecognized,
              continue: true
            });
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => payload);
        }
        return payload;
      };
    });
    $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
      $ZodType.init(inst, def);
      const values = getEnumValues(def.entries);
      const valuesSet = new Set(values);
      inst._zod.values = valuesSet;
      defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
      });
      inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
          return payload;
        }
        payload.issues.push({
          code: "invalid_value",
          values,
          input,
          inst
        });
        return payload;
      };
    });
    $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
      $ZodType.init(inst, def);
      const values = new Set(def.values);
      inst._zod.values = values;
      defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
      });
      inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
          return payload;
        }
        payload.issues.push({
          code: "invalid_value",
          values: def.values,
          input,
          inst
        });
        return payload;
      };
    });
    $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "optional";
      globalConfig.memoizer?.guard(inst);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
          const output = _out instanceof Promise ? _out : Promise.resolve(_out);
          return output.then((output2) => {
            payload.value = output2;
            return payload;
          });
        }
        if (_out instanceof Promise) {
          throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
      };
    });
    $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
      inst._zod.optout = "optional";
      defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
      });
      defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        if (payload.value === void 0) {
          if (def.innerType._zod.optin !== "defaulted")
            return payload;
          const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
          if (result instanceof Promise)
            return result.then((result2) => handleOptionalResult(payload, result2));
          return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
      defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
      });
      defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        if (payload.value === null)
          return payload;
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
      defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
      defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          const right = def.out._zod.run(payload, ctx);
          if (right instanceof Promise) {
            return right.then((right2) => handlePipeResult(right2, def.in, ctx));
          }
          return handlePipeResult(right, def.in, ctx);
        }
        const left2 = def.in._zod.run(payload, ctx);
        if (left2 instanceof Promise) {
          return left2.then((left3) => handlePipeResult(left3, def.out, ctx));
        }
        return handlePipeResult(left2, def.out, ctx);
      };
    });
    $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
      $ZodCheck.init(inst, def);
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, _) => {
        return payload;
      };
      inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
          return r.then((r2) => handleRefineResult(r2, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
      };
    });
  }
});

// node_modules/zod/v4/core/memoizer.js
var init_memoizer = __esm({
  "node_modules/zod/v4/core/memoizer.js"() {
  }
});

// node_modules/zod/v4/locales/index.js
var init_locales = __esm({
  "node_modules/zod/v4/locales/index.js"() {
  }
});

// node_modules/zod/v4/core/registries.js
function registry() {
  return new $ZodRegistry();
}
var _a2, $ZodRegistry, globalRegistry;
var init_registries = __esm({
  "node_modules/zod/v4/core/registries.js"() {
    $ZodRegistry = class {
      constructor() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
      }
      add(schema2, ..._meta) {
        const meta2 = _meta[0];
        this._map.set(schema2, meta2);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.set(meta2.id, schema2);
        }
        return this;
      }
      clear() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
        return this;
      }
      remove(schema2) {
        const meta2 = this._map.get(schema2);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.delete(meta2.id);
        }
        this._map.delete(schema2);
        return this;
      }
      get(schema2) {
        const p = schema2._zod.parent;
        if (p) {
          const pm = { ...this.get(p) ?? {} };
          delete pm.id;
          const f = { ...pm, ...this._map.get(schema2) };
          return Object.keys(f).length ? f : void 0;
        }
        return this._map.get(schema2);
      }
      has(schema2) {
        return this._map.has(schema2);
      }
    };
    (_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
    globalRegistry = globalThis.__zod_globalRegistry;
  }
});

// node_modules/zod/v4/core/compile.js
var init_compile = __esm({
  "node_modules/zod/v4/core/compile.js"() {
  }
});

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: "length_equals",
    ...normalizeParams(params),
    length
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema2 = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema2;
}
var init_api = __esm({
  "node_modules/zod/v4/core/api.js"() {
    init_checks();
    init_util();
  }
});

// node_modules/zod/v4/core/to-json-schema.js
var init_to_json_schema = __esm({
  "node_modules/zod/v4/core/to-json-schema.js"() {
  }
});

// node_modules/zod/v4/core/json-schema.js
var init_json_schema = __esm({
  "node_modules/zod/v4/core/json-schema.js"() {
  }
});

// node_modules/zod/v4/core/index.js
var init_core2 = __esm({
  "node_modules/zod/v4/core/index.js"() {
    init_core();
    init_parse();
    init_errors2();
    init_schemas();
    init_memoizer();
    init_checks();
    init_versions();
    init_util();
    init_regexes();
    init_locales();
    init_registries();
    init_doc();
    init_compile();
    init_api();
    init_to_json_schema();
    init_json_schema();
  }
});

// node_modules/zod/v4/mini/parse.js
var init_parse2 = __esm({
  "node_modules/zod/v4/mini/parse.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/mini/schemas.js
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new ZodMiniTuple({
    type: "tuple",
    items,
    rest,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}
var ZodMiniType, ZodMiniString, ZodMiniNumber, ZodMiniNumberFormat, ZodMiniBoolean, ZodMiniUnknown, ZodMiniArray, ZodMiniObject, ZodMiniTuple, ZodMiniRecord, ZodMiniEnum, ZodMiniLiteral, ZodMiniTransform, ZodMiniOptional, ZodMiniNullable, ZodMiniPipe, ZodMiniCustom;
var init_schemas2 = __esm({
  "node_modules/zod/v4/mini/schemas.js"() {
    init_core2();
    init_util();
    init_parse2();
    ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
      if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
      $ZodType.init(inst, def);
      inst.def = def;
      inst.type = def.type;
    }, {
      // `with` is an alias for `check`: the same function object, not a wrapper.
      get with() {
        return this.check;
      },
      set with(value) {
        own(this, "with", value);
      },
      parse(data, params) {
        return parse(this, data, params, { callee: this.parse });
      },
      parseAsync(data, params) {
        return parseAsync(this, data, params, { callee: this.parseAsync });
      },
      safeParse(data, params) {
        return safeParse(this, data, params);
      },
      safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
      },
      check(...checks) {
        const def = this.def;
        return this.clone({
          ...def,
          checks: [
            ...def.checks ?? [],
            ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
          ]
        }, { parent: true });
      },
      clone(_def, params) {
        return clone(this, _def, params);
      },
      brand() {
        return this;
      },
      register(reg, meta2) {
        reg.add(this, meta2);
        return this;
      },
      apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
      }
    });
    ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
      $ZodString.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
      $ZodNumber.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
      $ZodNumberFormat.init(inst, def);
      ZodMiniNumber.init(inst, def);
    });
    ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
      $ZodBoolean.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
      $ZodUnknown.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
      $ZodArray.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
      $ZodObject.init(inst, def);
      ZodMiniType.init(inst, def);
      installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
    });
    ZodMiniTuple = /* @__PURE__ */ $constructor("ZodMiniTuple", (inst, def) => {
      $ZodTuple.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
      $ZodRecord.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
      $ZodEnum.init(inst, def);
      ZodMiniType.init(inst, def);
      inst.options = [...inst._zod.values];
    });
    ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
      $ZodLiteral.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
      $ZodTransform.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
      $ZodOptional.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
      $ZodNullable.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
      $ZodPipe.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
      $ZodCustom.init(inst, def);
      ZodMiniType.init(inst, def);
    });
  }
});

// node_modules/zod/v4/mini/checks.js
var init_checks2 = __esm({
  "node_modules/zod/v4/mini/checks.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/mini/iso.js
var init_iso = __esm({
  "node_modules/zod/v4/mini/iso.js"() {
  }
});

// node_modules/zod/v4/mini/coerce.js
var init_coerce = __esm({
  "node_modules/zod/v4/mini/coerce.js"() {
  }
});

// node_modules/zod/v4/mini/external.js
var init_external = __esm({
  "node_modules/zod/v4/mini/external.js"() {
    init_core2();
    init_parse2();
    init_schemas2();
    init_checks2();
    init_core2();
    init_locales();
    init_iso();
    init_coerce();
  }
});

// node_modules/zod/mini/index.js
var init_mini = __esm({
  "node_modules/zod/mini/index.js"() {
    init_external();
  }
});

// src/config/values.ts
function parseDuration(text4) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text4);
  if (!m) return void 0;
  return Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? "s").toLowerCase()]);
}
function parseInstant(text4) {
  const t = text4.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return void 0;
  const hasTime = /[T ]\d{2}:/.test(t);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(t) && hasTime;
  const ms = Date.parse(hasZone ? t : `${hasTime ? t.replace(" ", "T") : `${t}T00:00`}Z`);
  return Number.isFinite(ms) ? ms : void 0;
}
function parseSince(text4, now) {
  const d = parseDuration(text4);
  if (d !== void 0 && /[a-z]$/i.test(text4.trim())) return now - d;
  return parseInstant(text4);
}
function parseHostEntry(entry) {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry);
  const host = m?.[1] ?? entry;
  const port2 = m?.[2] ? Number(m[2]) : void 0;
  if (!/^[A-Za-z0-9.:_-]+$/.test(host) || port2 !== void 0 && !(port2 > 0 && port2 < 65536)) return void 0;
  return { host, port: port2 };
}
function splitList(text4) {
  return text4.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
function parseBool(text4) {
  const t = text4.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off", ""].includes(t)) return false;
  return void 0;
}
function isTimeZone(zone) {
  if (zone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
function parseTimesOfDay(text4) {
  const out = [];
  for (const entry of splitList(text4)) {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(entry);
    if (!m) return void 0;
    out.push((Number(m[1]) * 60 + Number(m[2])) * 6e4);
  }
  return out.length ? [...new Set(out)].sort((a, b) => a - b) : void 0;
}
var UNIT_MS;
var init_values = __esm({
  "src/config/values.ts"() {
    "use strict";
    UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
  }
});

// src/config/fields.ts
var MAX_TIMER_MS, Invalid, fail, reader, text, number3, whole, numberFrom, port, duration2, durationFrom, bool, EMAIL, isEmail, emails, readCodes, codes, codesOrAny, list, hosts, timesOfDay, oneOf, headerText, textWhere, adminUrl;
var init_fields = __esm({
  "src/config/fields.ts"() {
    "use strict";
    init_mini();
    init_values();
    MAX_TIMER_MS = 2 ** 31 - 1;
    Invalid = class {
      constructor(message) {
        this.message = message;
      }
      message;
    };
    fail = (message) => {
      throw new Invalid(message);
    };
    reader = (read2) => (
      // One schema, not a string schema piped into a transform: a run builds one per setting, and the
      // input is always a string (the environment, the config file or a flag).
      transform((v, ctx) => {
        try {
          return read2(v);
        } catch (err) {
          if (!(err instanceof Invalid)) throw err;
          ctx.issues.push({ code: "custom", message: err.message, input: v });
          return NEVER;
        }
      })
    );
    text = () => string2();
    number3 = (what, ok4, range, real = false) => reader((v) => {
      if (!(real ? /^\d+(\.\d+)?$/ : /^\d+$/).test(v)) fail(what);
      return ok4(Number(v)) ? Number(v) : fail(range);
    });
    whole = (what, ok4, range) => (name) => number3(`${name} must be ${what}`, ok4, `${name} must be ${range}`);
    numberFrom = (min, real = false) => (name) => number3(
      `${name} must be ${real ? "a number such as 3 or 2.5" : "a whole number"}`,
      (n) => n >= min,
      `${name} must be at least ${min}`,
      real
    );
    port = whole("a port number", (n) => n > 0 && n < 65536, "between 1 and 65535");
    duration2 = (ok4) => (name) => reader((v) => {
      const ms = parseDuration(v);
      if (ms === void 0) return fail(`${name} must be a duration such as 150s, 10m or 2h (got "${v}")`);
      if (ms > MAX_TIMER_MS)
        fail(`${name} must be at most ${MAX_TIMER_MS}ms (about 24.8 days, the longest a timer can wait; got "${v}")`);
      return ok4 && !ok4[0](ms) ? fail(`${name} ${ok4[1]}`) : ms;
    });
    durationFrom = (min, shown3) => duration2([(ms) => ms >= min, `must be at least ${shown3}`]);
    bool = (name) => reader((v) => parseBool(v) ?? fail(`${name} must be 1 or 0 (got "${v}")`));
    EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
    isEmail = (text4) => EMAIL.test(text4);
    emails = (name) => reader((v) => {
      const list2 = splitList(v);
      if (list2.length === 0) fail(`${name} is empty: give at least one address`);
      const bad = list2.find((a) => !isEmail(a));
      return bad === void 0 ? list2 : fail(`${name} has an invalid address: ${bad}`);
    });
    readCodes = (name, v) => {
      const list2 = splitList(v);
      const bad = list2.find((c) => !/^\d{3,6}$/.test(c));
      return bad === void 0 ? list2 : fail(`${name} takes failure reason codes such as 22040,5440 (got "${bad}")`);
    };
    codes = (name) => reader((v) => readCodes(name, v));
    codesOrAny = (name) => reader((v) => v.toLowerCase() === "any" ? "any" : readCodes(name, v));
    list = () => reader(splitList);
    hosts = (name) => reader((v) => {
      const bad = splitList(v).find((entry) => !parseHostEntry(entry));
      return bad === void 0 ? v : fail(`${name} has an invalid entry "${bad}": use host or host:port, comma-separated`);
    });
    timesOfDay = (name) => reader((v) => parseTimesOfDay(v) ?? fail(`${name} takes times of day such as 08:00,16:00 (got "${v}")`));
    oneOf = (values, anyCase = false) => (name) => {
      const said2 = `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
      const exact = _enum(values, { error: `${name} must be ${said2}` });
      return anyCase ? pipe(
        pipe(
          string2(),
          transform((v) => v.toLowerCase())
        ),
        exact
      ) : exact;
    };
    headerText = (max) => (name) => string2().check(
      _regex(
        new RegExp(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`),
        `${name} must be one line of at most ${max} characters`
      )
    );
    textWhere = (ok4, message) => (name) => string2().check(refine(ok4, { error: message(name) }));
    adminUrl = (name) => pipe(
      string2().check(
        _regex(
          /^https:\/\/[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:\d{1,5})?\/?$/,
          `${name} must be the https:// address of the ISE admin portal, e.g. https://ise-pan.example.net`
        )
      ),
      transform((v) => v.replace(/\/$/, ""))
    );
  }
});

// src/config/settings.ts
var is, opt, MIN, nodeName, rule, SETTINGS;
var init_settings = __esm({
  "src/config/settings.ts"() {
    "use strict";
    init_fields();
    init_values();
    is = (group, read2, dflt, help, extra = {}) => ({
      group,
      read: read2,
      default: dflt,
      help,
      ...extra
    });
    opt = (group, read2, help, extra = {}) => ({ group, read: read2, help, ...extra });
    MIN = 6e4;
    nodeName = (v) => /^[A-Za-z0-9._-]{1,100}$/.test(v);
    rule = (what) => `1 | 0: ${what}`;
    SETTINGS = {
      ISE_HOST: opt("ise", hosts, "pxGrid controller host name(s), comma-separated, tried in order; host:port allowed", {
        alias: "ISE_IP",
        unset: "required",
        give: "the pxGrid node FQDN(s) of your ISE deployment"
      }),
      PXGRID_PORT: is("ise", port, "8910", "pxGrid port when a host has none"),
      PXGRID_USER: is(
        "ise",
        textWhere(nodeName, (n) => `${n} may hold letters, digits, - _ . (at most 100)`),
        "ise_to_mail",
        "pxGrid client nodeName"
      ),
      PXGRID_CERT: opt("ise", text, "client certificate (PEM) for certificate-based pxGrid auth", {
        unset: "password flow"
      }),
      PXGRID_KEY: opt("ise", text, "private key (PEM) of PXGRID_CERT"),
      PXGRID_KEY_PASSPHRASE: opt("ise", text, "passphrase of PXGRID_KEY", { secret: true }),
      ISE_CA: opt("ise", text, "PEM bundle that verifies ISE's pxGrid certificate", {
        unset: "required unless ISE_INSECURE=1",
        give: "the PEM file of ISE's pxGrid root CA chain, or ISE_INSECURE=1 for a lab"
      }),
      ISE_INSECURE: is("ise", bool, "0", "1 disables TLS verification toward ISE, with a warning on every run"),
      SMTP_SERVER: opt("smtp", text, "SMTP host that relays the alert mail", {
        unset: "required",
        give: "the SMTP host that relays the alert mail"
      }),
      SMTP_PORT: opt("smtp", port, "SMTP port", { alias: "MAIL_PORT", unset: "465 if tls, 587 if starttls, 25 if none" }),
      SMTP_SECURITY: opt("smtp", oneOf(["tls", "starttls", "none"]), "tls (implicit TLS), starttls (required) or none", {
        unset: "tls for ports 465/2465, else starttls"
      }),
      SMTP_CA: opt("smtp", text, "extra PEM bundle for the SMTP server", { unset: "system CAs" }),
      MAIL_USER: opt("smtp", text, "SMTP AUTH user; with MAIL_PASS, or neither for no AUTH"),
      MAIL_PASS: opt("smtp", text, "SMTP AUTH password", { secret: true }),
      MAIL_FROM: opt("smtp", text, "From address", {
        unset: "MAIL_USER",
        give: "the From address; without it MAIL_USER is used, which is not set either"
      }),
      MAIL_DEST: opt("smtp", emails, "recipients, comma-separated", {
        unset: "required",
        give: "the recipients, comma-separated"
      }),
      MAIL_MAX_BYTES: is(
        "smtp",
        whole(
          "a number of bytes",
          (n) => n >= 2e5,
          "at least 200000: the summary and detail parts alone can take ~150 KB"
        ),
        "10000000",
        "cap on each message as sent"
      ),
      MAIL_FROM_NAME: is("mail", headerText(64), "ISE RADIUS alerts", "From display name"),
      MAIL_SUBJECT_PREFIX: is("mail", headerText(40), "[ISE]", "subject prefix (test-mail adds [TEST])"),
      MAIL_MAX_ROWS: is(
        "mail",
        whole("a number of rows", (n) => n >= 1 && n <= 1e3, "between 1 and 1000"),
        "50",
        "detail rows in the mail body (1-1000); the rest are in the attachment"
      ),
      MAIL_TIMEZONE: is(
        "mail",
        textWhere(isTimeZone, (n) => `${n} must be an IANA time zone such as UTC, Europe/Zurich or America/New_York`),
        "UTC",
        "IANA time zone for every time in the mail (e.g. Europe/Zurich); the offset is always shown"
      ),
      MAIL_ATTACH: is(
        "mail",
        oneOf(["csv", "json", "none"]),
        "csv",
        "attachment with every mailed record: csv, json or none"
      ),
      ISE_ADMIN_URL: opt(
        "mail",
        adminUrl,
        "ISE admin portal (https://ise-pan.example.net): mails link back to ISE's RADIUS Live Logs"
      ),
      DEVICE_NAME: opt("mail", headerText(64), "names the sending device in every mail footer and health mail", {
        unset: "the router's host name (passed by the eem applets), else the host name"
      }),
      STORM_THRESHOLD: is(
        "mail",
        whole("a whole number of failures", (n) => n >= 1, "at least 1"),
        "5000",
        "above this many new failures in one poll the mail leads with counts per reason and NAS"
      ),
      EXCLUDE_REASONS: is("filters", codes, "", "failure reason codes not to mail, comma-separated (e.g. 5440,5411)"),
      INCLUDE_REASONS: is("filters", codes, "", "when set, mail only these failure reason codes"),
      EXCLUDE_USERS: is("filters", list, "", "user names not to mail, comma-separated globs, any case (e.g. host/*)"),
      EXCLUDE_NAS: is("filters", list, "", "NAS names or IP addresses not to mail, comma-separated"),
      STATE_DIR: is("run", text, "data", "cursor, lock and the stored pxGrid credentials", {
        unset: "data next to run.js"
      }),
      CURSOR_OVERLAP: is("run", duration2(), "10m", "how far back each poll re-reads, for records ISE shows late"),
      RUN_DEADLINE: is("run", durationFrom(5e3, "5s"), "150s", "the whole run ends within this, below the EEM maxrun"),
      ISE_TO_MAIL_CONFIG: opt("run", text, "the config file (environment or --config only)", {
        unset: "ise-to-mail.env next to run.js"
      }),
      HEALTH_ALERT_AFTER: is("health", duration2(), "30m", "mail a PROBLEM note when scheduled runs have failed this long"),
      HEALTH_REPEAT: is("health", durationFrom(MIN, "1m"), "24h", "repeat that note at most this often while it lasts"),
      HEARTBEAT: is(
        "health",
        oneOf(["daily", "weekly", "off"], true),
        "off",
        'daily | weekly | off: an "all quiet" mail when nothing was mailed that long'
      ),
      ALERT_MODE: is(
        "alert",
        oneOf(["each-run", "digest"], true),
        "digest",
        "digest (routine failures once per DIGEST_EVERY, incidents at once) or each-run (a mail per run)"
      ),
      DIGEST_EVERY: is(
        "alert",
        duration2([(ms) => ms >= MIN && ms <= 1440 * MIN, "must be from 1m to 1d (e.g. 1h)"]),
        "1h",
        "digest period from 1m to 1d, counted from midnight in MAIL_TIMEZONE"
      ),
      DIGEST_AT: opt("alert", timesOfDay, "times of day for the digest instead of DIGEST_EVERY, e.g. 08:00,16:00"),
      INCIDENTS: is(
        "alert",
        oneOf(["auto", "on", "off"], true),
        "auto",
        "auto | on | off: incident mails, sent at once (auto: on with ALERT_MODE=digest)"
      ),
      INCIDENT_LEARNING: is("incidents", duration2(), "1d", "the rules only learn this long after the first run"),
      INCIDENT_QUIET: is("incidents", durationFrom(MIN, "1m"), "30m", "an incident ends after this long without a failure"),
      INCIDENT_NAS_WIDE: is("incidents", bool, "1", rule("many users failing with one reason on one NAS")),
      INCIDENT_NAS_WIDE_MIN: is("incidents", numberFrom(2), "5", "nas-wide: at least this many users/endpoints"),
      INCIDENT_NAS_WIDE_FACTOR: is("incidents", numberFrom(1, true), "3", "nas-wide: and this many times the usual"),
      INCIDENT_NAS_WIDE_WINDOW: is("incidents", durationFrom(MIN, "1m"), "10m", "nas-wide: within this window"),
      INCIDENT_NEW_REASON: is("incidents", bool, "1", rule("a reason not seen for INCIDENT_NEW_REASON_MEMORY")),
      INCIDENT_NEW_REASON_MEMORY: is("incidents", durationFrom(1440 * MIN, "1d"), "7d", "how long a reason is known"),
      INCIDENT_SPIKE: is("incidents", bool, "1", rule("one reason (or all) far above normal for the hour of the week")),
      INCIDENT_SPIKE_MIN: is("incidents", numberFrom(1), "30", "spike: at least this many failures in a poll"),
      INCIDENT_SPIKE_FACTOR: is("incidents", numberFrom(1, true), "4", "spike: and more than this many times normal"),
      INCIDENT_LOCKOUT: is("incidents", bool, "1", rule("one user failing repeatedly within minutes")),
      INCIDENT_LOCKOUT_MIN: is("incidents", numberFrom(2), "10", "lockout: failures of one user, retries counted"),
      INCIDENT_LOCKOUT_WINDOW: is("incidents", durationFrom(MIN, "1m"), "10m", "lockout: within this window"),
      INCIDENT_LOCKOUT_REASONS: is("incidents", codesOrAny, "22040,24408", "lockout: reason codes that count, or any"),
      INCIDENT_STORM: is("incidents", bool, "1", rule("more than STORM_THRESHOLD failures in one poll")),
      INCIDENT_GUESSING: is("incidents", bool, "1", rule("many user names failing from one endpoint or switch port")),
      INCIDENT_IDENTITY_STORE: is("incidents", bool, "1", rule("ISE cannot reach Active Directory, on several NAS")),
      INCIDENT_ADMIN_LOGIN: is("incidents", bool, "1", rule("failed administrator logins to one device or as one admin")),
      INCIDENT_ADMIN_LOGIN_MIN: is(
        "incidents",
        numberFrom(2),
        "5",
        "admin-login: failed logins in a poll, TotalFailedAttempts counted"
      )
    };
  }
});

// src/config/keys.ts
function canonicalKey(name) {
  return BY_NAME.get(name);
}
function pickKnown(source) {
  const out = {};
  for (const [name, value] of Object.entries(source)) {
    const key = canonicalKey(name);
    if (key && value !== void 0 && (name === key || out[key] === void 0)) out[key] = value;
  }
  return out;
}
function secretValues(raw) {
  return Object.keys(raw).filter((k) => KEYS[k].secret).map((k) => raw[k] ?? "").filter((v) => v.length >= 4);
}
function closestKey(name, opts = {}) {
  const upper = name.toUpperCase();
  let best;
  for (const [known, key] of BY_NAME) {
    if (Math.abs(upper.length - known.length) > 2) continue;
    const d = editDistance(upper, known);
    if (best === void 0 || d < best.d) best = { key, d };
  }
  if (best && best.d <= 2) return best.key;
  if (opts.contained === false) return void 0;
  const within = [...BY_NAME].filter(([known]) => upper.startsWith(known)).sort((a, b) => b[0].length - a[0].length);
  return within[0]?.[1];
}
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > 2 && prevMin > 2) return 3;
    prevMin = rowMin;
  }
  return d[a.length][b.length];
}
var KEYS, BY_NAME;
var init_keys = __esm({
  "src/config/keys.ts"() {
    "use strict";
    init_settings();
    KEYS = SETTINGS;
    BY_NAME = /* @__PURE__ */ new Map();
    for (const [key, info] of Object.entries(KEYS)) {
      BY_NAME.set(key, key);
      if (info.alias) BY_NAME.set(info.alias, key);
    }
  }
});

// src/core/errcode.ts
function errCode(err, none = "") {
  let e = err;
  for (let i = 0; i < 4 && e; i++) {
    const code3 = e.code;
    if (typeof code3 === "string") return code3;
    e = e.cause;
  }
  return none;
}
var init_errcode = __esm({
  "src/core/errcode.ts"() {
    "use strict";
  }
});

// src/core/shape.ts
function checkOf(build2) {
  let schema2;
  return (v) => {
    schema2 ??= build2();
    return safeParse(schema2, v).success ? v : void 0;
  };
}
var int2, count, arrOf, matching, isoTime;
var init_shape = __esm({
  "src/core/shape.ts"() {
    "use strict";
    init_mini();
    int2 = (min) => min === void 0 ? int() : int().check(_gte(min));
    count = () => int2(0);
    arrOf = (item, length) => array(item).check(_length(length));
    matching = (re) => string2().check(_regex(re));
    isoTime = () => string2().check(refine((s) => Number.isFinite(Date.parse(s))));
  }
});

// src/state/files.ts
function readStateJson(file, check, reset, extract) {
  let text4;
  try {
    text4 = readRegular(file);
  } catch (err) {
    const code3 = errCode(err);
    if (code3 === "ENOENT") return void 0;
    if (err instanceof AppError) throw err;
    throw stateError(`cannot read state file ${file} (${code3 || "error"}): check STATE_DIR permissions`);
  }
  let value;
  try {
    value = JSON.parse(extract ? extract(text4) : text4);
  } catch {
    throw stateError(`state file ${file} is corrupt (not JSON); ${reset}`);
  }
  const parsed = check(value);
  if (parsed === void 0) throw stateError(`state file ${file} is corrupt or from a newer release; ${reset}`);
  return parsed;
}
function readRegular(file) {
  const fd = (0, import_node_fs.openSync)(file, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NONBLOCK);
  try {
    if (!(0, import_node_fs.fstatSync)(fd).isFile()) throw stateError(`state file ${file} is not a regular file: move it away`);
    return (0, import_node_fs.readFileSync)(fd, "utf8");
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function makeStateDir(dir) {
  (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
}
var import_node_fs, import_node_path2, stateFile, stateFileNames;
var init_files = __esm({
  "src/state/files.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    import_node_path2 = require("node:path");
    init_errcode();
    init_errors();
    stateFile = {
      cursor: (dir) => (0, import_node_path2.join)(dir, "cursor.json"),
      credentials: (dir) => (0, import_node_path2.join)(dir, "pxgrid-account.json"),
      lock: (dir) => (0, import_node_path2.join)(dir, "run.lock"),
      health: (dir) => (0, import_node_path2.join)(dir, "health.json"),
      /** The values of failures the mail server refused to carry (src/withhold). */
      withheld: (dir) => (0, import_node_path2.join)(dir, "withheld.json"),
      incidents: (dir) => (0, import_node_path2.join)(dir, "incidents.json"),
      mutes: (dir) => (0, import_node_path2.join)(dir, "mutes.json")
    };
    stateFileNames = (dir) => Object.values(stateFile).map((f) => (0, import_node_path2.basename)(f(dir)));
  }
});

// src/state/atomic.ts
function writeFileAtomic(file, data, mode = 384) {
  const out = new AtomicFile(file, mode);
  try {
    if (typeof data === "string") out.write(data);
    else for (const piece of data) out.write(piece);
    out.commit();
  } finally {
    out.abort();
  }
}
function stateWriteError(file, err) {
  const code3 = errCode(err, "error");
  return stateError(
    `cannot write ${file} (${code3}): check that STATE_DIR is a writable directory and that the flash has free space (IOS: dir bootflash:)`,
    err
  );
}
function tempFor(file) {
  const dir = (0, import_node_path3.dirname)(file);
  makeStateDir(dir);
  return (0, import_node_path3.join)(dir, `.${(0, import_node_path3.basename)(file)}.${Math.floor(Math.random() * 1e9)}.tmp`);
}
function renameDurable(from, to) {
  (0, import_node_fs2.renameSync)(from, to);
  syncDir((0, import_node_path3.dirname)(to));
}
function reserveFileAtomic(file, bytes, mode = 384) {
  checkStateWrite(file);
  const tmp = tempFor(file);
  const fd = (0, import_node_fs2.openSync)(tmp, "w", mode);
  let open2 = true;
  const abandon = () => {
    if (open2) (0, import_node_fs2.closeSync)(fd);
    open2 = false;
    (0, import_node_fs2.rmSync)(tmp, { force: true });
  };
  try {
    (0, import_node_fs2.writeSync)(fd, Buffer.alloc(bytes, 32));
    (0, import_node_fs2.fsyncSync)(fd);
  } catch (err) {
    abandon();
    throw err;
  }
  return {
    abandon,
    commit(data) {
      (0, import_node_fs2.writeSync)(fd, data, 0);
      (0, import_node_fs2.ftruncateSync)(fd, Buffer.byteLength(data));
      (0, import_node_fs2.fsyncSync)(fd);
      (0, import_node_fs2.closeSync)(fd);
      open2 = false;
      (0, import_node_fs2.renameSync)(tmp, file);
      syncDir((0, import_node_path3.dirname)(file));
    }
  };
}
function syncDir(dir) {
  try {
    const fd = (0, import_node_fs2.openSync)(dir, "r");
    try {
      (0, import_node_fs2.fsyncSync)(fd);
    } finally {
      (0, import_node_fs2.closeSync)(fd);
    }
  } catch {
  }
}
var import_node_fs2, import_node_path3, AtomicFile;
var init_atomic = __esm({
  "src/state/atomic.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs");
    import_node_path3 = require("node:path");
    init_errcode();
    init_errors();
    init_testing();
    init_files();
    AtomicFile = class {
      constructor(file, mode = 384) {
        this.file = file;
        this.mode = mode;
      }
      file;
      mode;
      #fd;
      #tmp;
      write(piece) {
        this.#try(() => {
          checkStateWrite(this.file);
          if (this.#fd === void 0) {
            this.#tmp = tempFor(this.file);
            this.#fd = (0, import_node_fs2.openSync)(this.#tmp, "w", this.mode);
          }
          if (typeof piece === "string") (0, import_node_fs2.writeSync)(this.#fd, piece);
          else (0, import_node_fs2.writeSync)(this.#fd, piece);
        });
      }
      /** fsync now: on a flash that allocates blocks late, a full disk shows here rather than at commit. */
      sync() {
        this.#try(() => {
          if (this.#fd === void 0) this.write("");
          (0, import_node_fs2.fsyncSync)(this.#fd);
        });
      }
      commit() {
        this.#try(() => {
          if (this.#fd === void 0) this.write("");
          const fd = this.#fd;
          (0, import_node_fs2.fsyncSync)(fd);
          this.#fd = void 0;
          (0, import_node_fs2.closeSync)(fd);
          renameDurable(this.#tmp, this.file);
          this.#tmp = void 0;
        });
      }
      abort() {
        if (this.#fd !== void 0) {
          try {
            (0, import_node_fs2.closeSync)(this.#fd);
          } catch {
          }
        }
        this.#fd = void 0;
        if (this.#tmp !== void 0) (0, import_node_fs2.rmSync)(this.#tmp, { force: true });
        this.#tmp = void 0;
      }
      #try(step) {
        try {
          step();
        } catch (err) {
          this.abort();
          throw err instanceof AppError ? err : stateWriteError(this.file, err);
        }
      }
    };
  }
});

// src/state/credentials.ts
function loadAccount(stateDir, nodeName2) {
  const stored = readAccountFile(stateFile.credentials(stateDir));
  if (!stored || stored.nodeName.toLowerCase() !== nodeName2.toLowerCase()) return void 0;
  return { nodeName: stored.nodeName, password: stored.password };
}
function readAccountFile(file) {
  const stamp = fileStamp(file);
  if (stamp && cached2?.file === file && cached2.stamp === stamp) return cached2.value;
  cached2 = void 0;
  const value = readStateJson(file, accountFile, RESET);
  if (stamp) cached2 = { file, stamp, value };
  return value;
}
function fileStamp(file) {
  try {
    const s = (0, import_node_fs3.statSync)(file, { bigint: true, throwIfNoEntry: false });
    return s && `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return void 0;
  }
}
function reserveAccount(stateDir, nodeName2) {
  const file = stateFile.credentials(stateDir);
  let room;
  try {
    room = reserveFileAtomic(file, Buffer.byteLength(serialize({ nodeName: nodeName2, password: "x".repeat(PASSWORD_ROOM) })));
  } catch (err) {
    const code3 = errCode(err, "error");
    const full = code3 === "ENOSPC" || code3 === "EDQUOT" || code3 === "EFBIG";
    throw stateError(
      full ? `STATE_DIR ${stateDir} has no room for the pxGrid account file (${code3}): free space on the flash (IOS: dir bootflash:) and run again; nothing was asked of ISE yet` : `STATE_DIR ${stateDir} is not writable (${code3}): point STATE_DIR at a directory created from inside Guestshell, e.g. under /bootflash/guest-share; nothing was asked of ISE yet`
    );
  }
  return {
    save: (account) => {
      cached2 = void 0;
      try {
        room.commit(serialize(account));
      } catch (err) {
        room.abandon();
        throw stateError(
          `cannot write ${file} (${errCode(err, "error")}) although room was reserved, so the password ISE generated for this client is lost: check the flash (IOS: dir bootflash:), then have the ISE admin delete the pxGrid client ${account.nodeName} (Administration > pxGrid Services) and run setup again`
        );
      }
    },
    abandon: () => room.abandon()
  };
}
var import_node_fs3, accountFile, RESET, PASSWORD_ROOM, serialize, cached2;
var init_credentials = __esm({
  "src/state/credentials.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    init_mini();
    init_errcode();
    init_errors();
    init_shape();
    init_atomic();
    init_files();
    accountFile = checkOf(
      () => object({ version: literal(1), nodeName: string2(), password: string2().check(_minLength(1)) })
    );
    RESET = "delete it, then have the ISE admin delete the pxGrid client (Administration > pxGrid Services) and run setup again";
    PASSWORD_ROOM = 1024;
    serialize = (account) => `${JSON.stringify({ version: 1, ...account })}
`;
  }
});

// src/state/secrets.ts
function wireForms(cfg, stored) {
  const { user, pass } = cfg.smtp;
  const raw = [];
  if (pass) raw.push(...user ? [`\0${user}\0${pass}`, `${user}\0${user}\0${pass}`] : [], pass);
  if (stored) raw.push(`${stored.nodeName}:${stored.password}`);
  return raw.flatMap(encodings);
}
function secretsOf(cfg) {
  let stored;
  try {
    stored = loadAccount(cfg.stateDir, cfg.ise.nodeName);
  } catch {
  }
  return [...secretValues(cfg.raw), stored?.password, ...wireForms(cfg, stored)].filter(
    (s) => typeof s === "string" && s.length >= 4
  );
}
var init_secrets = __esm({
  "src/state/secrets.ts"() {
    "use strict";
    init_keys();
    init_redact();
    init_credentials();
  }
});

// src/config/setting.ts
var GROUPS;
var init_setting = __esm({
  "src/config/setting.ts"() {
    "use strict";
    GROUPS = {
      ise: "ISE and pxGrid",
      smtp: "Mail server",
      mail: "The mail",
      filters: "What not to mail",
      run: "Runs and state",
      health: "Health mails",
      alert: "Alert policy",
      incidents: "Incident rules"
    };
  }
});

// src/cli/help.ts
function wrap(first, text4) {
  const lines = [];
  let line = first.padEnd(INDENT);
  for (const word of text4.split(" ")) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = " ".repeat(INDENT);
    }
    line += `${line.endsWith(" ") ? "" : " "}${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}
function shown(s) {
  const value = s.unset ?? s.default;
  return value ? ` [${value}]` : "";
}
function variables() {
  const entries = Object.entries(SETTINGS);
  return Object.keys(GROUPS).flatMap((group) => [
    `  ${GROUPS[group]}:`,
    ...entries.filter(([, s]) => s.group === group).flatMap(([k, s]) => wrap(`    ${s.alias ? `${k} (${s.alias})` : k}`, s.help + shown(s)))
  ]);
}
function helpEpilog() {
  return [
    "",
    "Configuration (flags > environment > config file > defaults):",
    ...variables(),
    "",
    "Exit codes: 0 done, 1 internal error, 2 usage/config, 3 pxGrid account not",
    "approved/disabled, 4 ISE unreachable/TLS/protocol, 5 mail not delivered,",
    "6 another run holds the lock."
  ].join("\n");
}
function commandFlags(program2) {
  const lines = ["", "Flags of each command (details: run.js <command> --help):"];
  for (const cmd of program2.commands) {
    if (cmd.options.length === 0) continue;
    lines.push(`  ${cmd.name()}:`);
    for (const o of cmd.options) {
      const choices = o.argChoices ? ` (${o.argChoices.join(" | ")})` : "";
      const def = o.defaultValue !== void 0 && typeof o.defaultValue !== "boolean" ? ` [${String(o.defaultValue)}]` : "";
      lines.push(...wrap(`    ${o.flags}`, `${o.description}${choices}${def}`));
    }
  }
  return lines.join("\n");
}
var WIDTH, INDENT;
var init_help = __esm({
  "src/cli/help.ts"() {
    "use strict";
    init_setting();
    init_settings();
    WIDTH = 79;
    INDENT = 27;
  }
});

// src/config/schema.ts
function parseRaw(raw) {
  const text4 = { ...DEFAULT_TEXT };
  for (const [key, value] of Object.entries(raw))
    text4[key] = SETTINGS[key].secret ? value : value.trim();
  const result = safeParse(schema(), text4);
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.map((i) => ({ key: i.path[0], message: i.message })) };
}
var schemaOf, DEFAULT_TEXT, built, schema;
var init_schema = __esm({
  "src/config/schema.ts"() {
    "use strict";
    init_mini();
    init_settings();
    init_fields();
    schemaOf = (key, s) => s.default === void 0 ? optional(s.read(key)) : s.read(key);
    DEFAULT_TEXT = Object.fromEntries(
      Object.entries(SETTINGS).flatMap(
        ([key, s]) => s.default === void 0 ? [] : [[key, s.default]]
      )
    );
    schema = () => built ??= object(
      Object.fromEntries(Object.entries(SETTINGS).map(([key, s]) => [key, schemaOf(key, s)]))
    );
  }
});

// src/config/incidents.ts
function incidentSettings(p) {
  const on = {
    "nas-wide": p.INCIDENT_NAS_WIDE,
    "new-reason": p.INCIDENT_NEW_REASON,
    spike: p.INCIDENT_SPIKE,
    lockout: p.INCIDENT_LOCKOUT,
    storm: p.INCIDENT_STORM,
    guessing: p.INCIDENT_GUESSING,
    "identity-store": p.INCIDENT_IDENTITY_STORE,
    "admin-login": p.INCIDENT_ADMIN_LOGIN
  };
  return {
    mode: p.INCIDENTS,
    rules: new Set(RULES.filter((rule2) => on[rule2])),
    learningMs: p.INCIDENT_LEARNING,
    quietMs: p.INCIDENT_QUIET,
    nasWide: { min: p.INCIDENT_NAS_WIDE_MIN, factor: p.INCIDENT_NAS_WIDE_FACTOR, windowMs: p.INCIDENT_NAS_WIDE_WINDOW },
    newReason: { memoryMs: p.INCIDENT_NEW_REASON_MEMORY },
    spike: { min: p.INCIDENT_SPIKE_MIN, factor: p.INCIDENT_SPIKE_FACTOR },
    lockout: {
      min: p.INCIDENT_LOCKOUT_MIN,
      windowMs: p.INCIDENT_LOCKOUT_WINDOW,
      reasons: p.INCIDENT_LOCKOUT_REASONS === "any" ? [] : p.INCIDENT_LOCKOUT_REASONS
    },
    adminLogin: { min: p.INCIDENT_ADMIN_LOGIN_MIN },
    stormThreshold: p.STORM_THRESHOLD,
    timeZone: p.MAIL_TIMEZONE
  };
}
function incidentsState(mode, alertMode) {
  if (mode !== "auto") return { on: mode === "on", why: `INCIDENTS=${mode}` };
  return { on: alertMode === "digest", why: `INCIDENTS=auto follows ALERT_MODE=${alertMode}` };
}
var RULES;
var init_incidents = __esm({
  "src/config/incidents.ts"() {
    "use strict";
    init_schema();
    RULES = [
      "storm",
      "identity-store",
      "guessing",
      "admin-login",
      "nas-wide",
      "new-reason",
      "spike",
      "lockout"
    ];
  }
});

// src/config/require.ts
function settingProblems(raw, needs, source) {
  const missing = [];
  const problems = [];
  const unset = (key) => raw[key] === void 0;
  if (needs.includes("ise")) {
    if (splitList(raw.ISE_HOST ?? "").length === 0) missing.push("ISE_HOST");
    if (unset("ISE_CA") && !parseBool(raw.ISE_INSECURE ?? "")) missing.push("ISE_CA");
    problems.push(
      ...pair(raw, "PXGRID_CERT", "PXGRID_KEY", "set both for certificate auth, or neither for the password flow")
    );
  }
  if (needs.includes("mail")) {
    if (unset("SMTP_SERVER")) missing.push("SMTP_SERVER");
    if (unset("MAIL_DEST")) missing.push("MAIL_DEST");
    const from = raw.MAIL_FROM ?? raw.MAIL_USER;
    if (from === void 0) missing.push("MAIL_FROM");
    else if (!isEmail(from.trim())) problems.push(badFrom(raw, from));
    problems.push(...pair(raw, "MAIL_USER", "MAIL_PASS", "set both for SMTP AUTH, or neither to send without AUTH"));
  }
  return missing.length > 0 ? [notSet(missing, source), ...problems] : problems;
}
function requireSettings(cfg, needs) {
  const problems = settingProblems(cfg.raw, needs, settingsSource(cfg.configFile));
  if (problems.length > 0) throw usageError(problems.join("; "));
}
function settingsSource(configFile) {
  return `environment or ${configFile ?? "ise-to-mail.env next to run.js"}`;
}
function notSet(keys, source) {
  if (keys.length === 1) return `${keys[0]} is not set: give ${give(keys[0])} (${source})`;
  const list2 = keys.map((k) => `${k} (${give(k).replace(/^the /, "")})`).join(", ");
  return `${keys.length} settings are not set: ${list2}; set them in the ${source}`;
}
function pair(raw, a, b, how) {
  if (raw[a] === void 0 === (raw[b] === void 0)) return [];
  const [set, unsetKey] = raw[a] === void 0 ? [b, a] : [a, b];
  return [`${unsetKey} is not set but ${set} is: ${how}`];
}
function badFrom(raw, from) {
  const which = raw.MAIL_FROM ? "MAIL_FROM" : "MAIL_FROM (taken from MAIL_USER)";
  return `${which} is not a mail address: "${from.trim().slice(0, 80)}"; set MAIL_FROM to the sender address, e.g. ise-alerts@example.net`;
}
var give;
var init_require = __esm({
  "src/config/require.ts"() {
    "use strict";
    init_errors();
    init_keys();
    init_schema();
    init_values();
    give = (key) => KEYS[key].give ?? `a value for ${key}`;
  }
});

// src/config/envfile.ts
function parseEnvFile(text4, fileName) {
  const entries = [];
  const problems = [];
  const lines = text4.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const m = LINE.exec(raw);
    if (!m) {
      problems.push(
        `${fileName} line ${i + 1}: expected KEY=VALUE, e.g. SMTP_SERVER=smtp.example.net (# starts a comment)`
      );
      return;
    }
    try {
      entries.push({ key: m[1], value: unquote(m[2]), line: i + 1 });
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push(`${fileName} line ${i + 1}: ${err.message}`);
    }
  });
  return { entries, problems };
}
function doubleQuoted(value, start) {
  let out = "";
  for (let i = start + 1; i < value.length; i++) {
    const c = value[i];
    if (c === '"') return [out, i + 1];
    if (c === "$") throw new LineError(NOT_SUPPORTED.expansion);
    if (c === "`") throw new LineError(NOT_SUPPORTED.command);
    if (c === "\\" && '$`"\\'.includes(value[i + 1] ?? "")) i++;
    out += value[i];
  }
  throw new LineError('missing closing "');
}
function part(value, i, quoted) {
  const c = value[i];
  if (c === "'") {
    const end = value.indexOf("'", i + 1);
    if (end < 0) throw new LineError("missing closing '");
    return [value.slice(i + 1, end), end + 1];
  }
  if (c === '"') return doubleQuoted(value, i);
  if (c === "$") throw new LineError(NOT_SUPPORTED.expansion);
  if (c === "`") throw new LineError(NOT_SUPPORTED.command);
  if (c === "\\") {
    const next = value[i + 1];
    if (next === void 0) throw new LineError(NOT_SUPPORTED.continuation);
    if (next !== "'" && next !== '"') throw new LineError(NOT_SUPPORTED.backslash);
    return [next, i + 2];
  }
  if (/\s/.test(c)) {
    const rest = value.slice(i).trim();
    if (rest === "" || rest.startsWith("#")) return ["", value.length];
    if (quoted) throw new LineError("unexpected text after the quoted value");
  }
  return [c, i + 1];
}
function unquote(value) {
  let out = "";
  let quoted = false;
  for (let i = 0; i < value.length; ) {
    const [text4, next] = part(value, i, quoted);
    quoted ||= next - i !== text4.length;
    out += text4;
    i = next;
  }
  return out;
}
var LINE, NOT_SUPPORTED, LineError;
var init_envfile = __esm({
  "src/config/envfile.ts"() {
    "use strict";
    LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;
    NOT_SUPPORTED = {
      expansion: "$ expansion ($VAR, $(...)) is not supported: write the value itself, in single quotes if it holds a $",
      command: "command substitution (`...`) is not supported: write the value itself",
      continuation: "a line continuation (\\ at the end of the line) is not supported: put the value on one line",
      backslash: "a \\ outside quotes is not supported: put the value in single quotes, e.g. 'CORP\\svc-*'"
    };
    LineError = class extends Error {
    };
  }
});

// src/config/sources.ts
function readConfigFile(file, problems) {
  let text4;
  try {
    text4 = (0, import_node_fs4.readFileSync)(file, "utf8");
  } catch (err) {
    throw usageError(
      `cannot read config file ${file} (${errCode(err, "error")}): check the path given with --config or ISE_TO_MAIL_CONFIG`
    );
  }
  const { entries, problems: refused2 } = parseEnvFile(text4, file);
  problems.push(...refused2);
  const out = {};
  for (const { key: name, value, line } of entries) {
    const key = canonicalKey(name);
    if (key === "ISE_TO_MAIL_CONFIG") {
      problems.push(`${file} line ${line}: ISE_TO_MAIL_CONFIG names the config file, so it cannot be set inside one`);
    } else if (!key) {
      const guess2 = closestKey(name);
      const hint = guess2 ? `: did you mean ${guess2}?` : "; see 'run.js --help' for the list of variables";
      problems.push(`${file} line ${line}: unknown key ${name}${hint}`);
    } else if (name === key || out[key] === void 0) out[key] = value;
  }
  return out;
}
function envWarnings(env) {
  return Object.keys(env).flatMap((name) => {
    const key = canonicalKey(name) ? void 0 : closestKey(name, { contained: false });
    return key ? [`environment variable ${name} is not a setting and is ignored: did you mean ${key}?`] : [];
  });
}
var import_node_fs4;
var init_sources = __esm({
  "src/config/sources.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    init_errcode();
    init_errors();
    init_envfile();
    init_keys();
  }
});

// src/config/config.ts
function loadConfig(input) {
  const fromEnv = pickKnown(input.env);
  const flags = input.flags ?? {};
  const named = flags.ISE_TO_MAIL_CONFIG ?? fromEnv.ISE_TO_MAIL_CONFIG;
  const file = named ? resolvePath(input.baseDir, named) : (0, import_node_path4.resolve)(input.baseDir, "ise-to-mail.env");
  const configFile = named && !input.optionalFile || (0, import_node_fs5.existsSync)(file) ? file : void 0;
  const problems = [];
  const fromFile = configFile ? readConfigFile(configFile, problems) : {};
  const raw = dropEmpty({ ...fromFile, ...fromEnv, ...flags });
  const result = parseRaw(raw);
  if (!result.success) {
    for (const { key, message } of result.issues) {
      const msg = message.includes(key) ? message : `${key}: ${message}`;
      problems.push(`${msg} (${where(key, flags, fromEnv, file)})`);
    }
  }
  if (raw.DIGEST_AT !== void 0 && raw.DIGEST_EVERY !== void 0)
    problems.push(
      `DIGEST_EVERY and DIGEST_AT are both set (DIGEST_EVERY ${where("DIGEST_EVERY", flags, fromEnv, file)}, DIGEST_AT ${where("DIGEST_AT", flags, fromEnv, file)}): keep DIGEST_AT for times of day or DIGEST_EVERY for a period`
    );
  problems.push(...settingProblems(raw, input.require ?? [], settingsSource(configFile)));
  if (!result.success || problems.length > 0) throw usageError(problems.join("; "));
  return {
    ...build(result.data, raw, input.baseDir, configFile, input.hostname),
    configPath: file,
    warnings: envWarnings(input.env)
  };
}
function build(p, raw, baseDir, configFile, hostname) {
  const path = (v) => v === void 0 ? void 0 : resolvePath(baseDir, v);
  const security = p.SMTP_SECURITY ?? (p.SMTP_PORT === 465 || p.SMTP_PORT === 2465 ? "tls" : p.SMTP_PORT === void 0 ? "tls" : "starttls");
  return {
    baseDir,
    configFile,
    ise: {
      hosts: parseHosts(p.ISE_HOST ?? "", p.PXGRID_PORT),
      nodeName: p.PXGRID_USER,
      cert: path(p.PXGRID_CERT),
      key: path(p.PXGRID_KEY),
      keyPassphrase: p.PXGRID_KEY_PASSPHRASE,
      ca: path(p.ISE_CA),
      insecure: p.ISE_INSECURE
    },
    smtp: {
      host: p.SMTP_SERVER,
      port: p.SMTP_PORT ?? DEFAULT_SMTP_PORT[security],
      security,
      ca: path(p.SMTP_CA),
      user: p.MAIL_USER,
      pass: p.MAIL_PASS
    },
    mail: {
      from: p.MAIL_FROM ?? p.MAIL_USER,
      fromName: p.MAIL_FROM_NAME,
      dest: p.MAIL_DEST ?? [],
      maxBytes: p.MAIL_MAX_BYTES,
      subjectPrefix: p.MAIL_SUBJECT_PREFIX,
      maxRows: p.MAIL_MAX_ROWS,
      timezone: p.MAIL_TIMEZONE,
      attach: p.MAIL_ATTACH,
      adminUrl: p.ISE_ADMIN_URL,
      device: p.DEVICE_NAME ?? (hostname || "an unnamed host")
    },
    filters: {
      excludeReasons: p.EXCLUDE_REASONS,
      includeReasons: p.INCLUDE_REASONS,
      excludeUsers: p.EXCLUDE_USERS,
      excludeNas: p.EXCLUDE_NAS
    },
    stormThreshold: p.STORM_THRESHOLD,
    stateDir: resolvePath(baseDir, p.STATE_DIR),
    overlapMs: p.CURSOR_OVERLAP,
    deadlineMs: p.RUN_DEADLINE,
    health: { alertAfterMs: p.HEALTH_ALERT_AFTER, repeatMs: p.HEALTH_REPEAT, heartbeatMs: HEARTBEAT_MS[p.HEARTBEAT] },
    alert: { mode: p.ALERT_MODE, schedule: p.DIGEST_AT ? { at: p.DIGEST_AT } : { every: p.DIGEST_EVERY } },
    incidents: incidentSettings(p),
    raw
  };
}
function parseHosts(value, defaultPort) {
  return splitList(value).map((entry) => {
    const { host, port: port2 } = parseHostEntry(entry);
    return { host, port: port2 ?? defaultPort };
  });
}
function resolvePath(baseDir, p) {
  return (0, import_node_path4.isAbsolute)(p) ? p : (0, import_node_path4.resolve)(baseDir, p);
}
function dropEmpty(raw) {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== void 0 && v.trim() !== ""));
}
function where(key, flags, env, file) {
  if (flags[key] !== void 0) return "from the command line";
  if (env[key] !== void 0) return "from the environment";
  return `from ${file}`;
}
var import_node_fs5, import_node_path4, HEARTBEAT_MS, DEFAULT_SMTP_PORT;
var init_config = __esm({
  "src/config/config.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    import_node_path4 = require("node:path");
    init_errors();
    init_incidents();
    init_keys();
    init_require();
    init_schema();
    init_sources();
    init_values();
    HEARTBEAT_MS = { daily: 864e5, weekly: 7 * 864e5, off: 0 };
    DEFAULT_SMTP_PORT = { tls: 465, starttls: 587, none: 25 };
  }
});

// src/cli/load-config.ts
function loadConfigFor(cmd, sys, io, needs, where2) {
  const g = cmd.optsWithGlobals();
  const flags = {};
  if (g.config) flags.ISE_TO_MAIL_CONFIG = g.config;
  if (g.stateDir) flags.STATE_DIR = g.stateDir;
  if (g.insecure) flags.ISE_INSECURE = "1";
  const baseDir = where2.baseDir ?? sys.baseDir;
  const cfg = loadConfig({
    baseDir,
    env: sys.env,
    flags,
    require: needs,
    optionalFile: where2.optionalFile,
    hostname: sys.hostname
  });
  for (const warning of cfg.warnings) io.err(`WARNING ${warning}`);
  if (cfg.ise.insecure)
    io.err(
      "WARNING TLS verification toward ISE is OFF (ISE_INSECURE=1 / --insecure): anyone on the path can read the pxGrid credentials. Set ISE_CA instead."
    );
  return cfg;
}
var init_load_config = __esm({
  "src/cli/load-config.ts"() {
    "use strict";
    init_config();
  }
});

// src/core/isotime.ts
function parseIso(text4) {
  const n = text4.length;
  if (n < 20 || n > 29 || text4.charCodeAt(4) !== 45 || text4.charCodeAt(7) !== 45 || text4.charCodeAt(10) !== 84)
    return Date.parse(text4);
  if (text4.charCodeAt(13) !== 58 || text4.charCodeAt(16) !== 58) return Date.parse(text4);
  const year = digits(text4, 0, 4);
  const month = digits(text4, 5, 2);
  const day = digits(text4, 8, 2);
  const hour = digits(text4, 11, 2);
  const minute = digits(text4, 14, 2);
  const second = digits(text4, 17, 2);
  let at = 19;
  let ms = 0;
  if (text4.charCodeAt(at) === 46) {
    ms = digits(text4, at + 1, 3);
    at += 4;
  }
  let offset = 0;
  const zone = text4.charCodeAt(at);
  if (zone === 90 && at + 1 === n) offset = 0;
  else if ((zone === 43 || zone === 45) && at + 6 === n && text4.charCodeAt(at + 3) === 58) {
    const hh = digits(text4, at + 1, 2);
    const mm = digits(text4, at + 4, 2);
    if (hh > 23 || mm > 59) return Date.parse(text4);
    offset = (zone === 45 ? -1 : 1) * (hh * 60 + mm);
  } else return Date.parse(text4);
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23;
  if (!(year >= 1970 && inRange && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0))
    return Date.parse(text4);
  return (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset * 60) * 1e3 + ms;
}
function digits(text4, at, len) {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = text4.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
var init_isotime = __esm({
  "src/core/isotime.ts"() {
    "use strict";
  }
});

// src/core/times.ts
function summaryTime(t) {
  return t !== void 0 && Number.isFinite(t) && Math.abs(t) <= MAX_DATE_MS ? new Date(t).toISOString() : "?";
}
function recordTime(timestamp) {
  let t;
  if (typeof timestamp === "number") t = Math.abs(timestamp) < SECONDS_BELOW ? timestamp * 1e3 : timestamp;
  else if (typeof timestamp === "string" && timestamp.charCodeAt(4) === 45) t = parseIso(timestamp);
  else if (typeof timestamp === "string")
    t = /^\d{9,13}$/.test(timestamp) ? recordTime(Number(timestamp)) ?? NaN : Date.parse(timestamp);
  else return void 0;
  return Number.isFinite(t) && Math.abs(t) <= MAX_DATE_MS ? Math.floor(t) : void 0;
}
function headerTime(date2) {
  const t = date2 === void 0 ? Number.NaN : Date.parse(date2);
  return plausible(t) ? t : void 0;
}
function unplaced(timestamp, t) {
  if (timestamp === void 0 || timestamp === null || timestamp === "") return "missing";
  if (t === void 0) return "unreadable";
  if (!plausible(t)) return "implausible";
  if (typeof timestamp !== "string") return void 0;
  const n = timestamp.length;
  const sign = timestamp.charCodeAt(n - 6);
  if (timestamp.charCodeAt(n - 1) === 90 || (sign === 43 || sign === 45) && timestamp.charCodeAt(n - 3) === 58)
    return void 0;
  return NO_ZONE.test(timestamp) ? "no-zone" : void 0;
}
function placedTime(timestamp) {
  const t = recordTime(timestamp);
  return unplaced(timestamp, t) === void 0 ? t : void 0;
}
var EARLIEST, LATEST, MAX_DATE_MS, SECONDS_BELOW, plausible, NO_ZONE;
var init_times = __esm({
  "src/core/times.ts"() {
    "use strict";
    init_isotime();
    EARLIEST = Date.UTC(2e3, 0, 1);
    LATEST = Date.UTC(2100, 0, 1);
    MAX_DATE_MS = 864e13;
    SECONDS_BELOW = 1e11;
    plausible = (t) => t !== void 0 && t >= EARLIEST && t <= LATEST;
    NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
  }
});

// src/state/lock-owner.ts
function look(file) {
  let fd;
  try {
    fd = (0, import_node_fs6.openSync)(file, import_node_fs6.constants.O_RDONLY | import_node_fs6.constants.O_NONBLOCK);
  } catch (err) {
    if (code(err) === "ENOENT") return void 0;
    throw stateError(`cannot read lock file ${file} (${code(err)}): check STATE_DIR permissions`);
  }
  try {
    if (!(0, import_node_fs6.fstatSync)(fd).isFile())
      throw stateError(`${file} is not a regular file: delete it; this run did nothing, the next one creates it`);
    const buf = Buffer.alloc(512);
    const n = (0, import_node_fs6.readSync)(fd, buf, 0, buf.length, null);
    return { id: identity((0, import_node_fs6.fstatSync)(fd)), owner: parseOwner(buf.subarray(0, n).toString("utf8")) };
  } finally {
    (0, import_node_fs6.closeSync)(fd);
  }
}
function parseOwner(text4) {
  try {
    const data = JSON.parse(text4);
    const started = typeof data.started === "string" ? Date.parse(data.started) : Number.NaN;
    if (typeof data.pid === "number" && Number.isFinite(started)) return { pid: data.pid, started };
  } catch {
  }
  return void 0;
}
var import_node_fs6, code, identity;
var init_lock_owner = __esm({
  "src/state/lock-owner.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    init_errcode();
    init_errors();
    code = (err) => errCode(err, "error");
    identity = (st) => `${st.ino}-${st.size}-${Math.round(st.mtimeMs * 1e3)}`;
  }
});

// src/state/lock.ts
function lockHolder(file, owner) {
  if (!owner) return `another run is taking over the stale ${file}`;
  return `another run (pid ${owner.pid}, started ${summaryTime(owner.started)}) holds ${file}`;
}
function acquireLock(stateDir, env) {
  const file = stateFile.lock(stateDir);
  for (let attempt2 = 0; attempt2 < 3; attempt2++) {
    const mine = `${JSON.stringify({ pid: env.pid, started: new Date(env.now()).toISOString() })}
`;
    if (create(file, mine)) return () => releaseIfMine(file, mine);
    const seen = look(file);
    if (!seen) continue;
    const { owner } = seen;
    const now = env.now();
    if (owner && env.alive(owner.pid) && owner.started <= now && now - owner.started < env.maxRunMs) {
      const why = `${lockHolder(file, owner)}; this run did nothing. If no run is active, delete that file`;
      throw new LockHeld(why, file, owner);
    }
    if (!takeOver(file, seen.id, now))
      throw new LockHeld(`${lockHolder(file, void 0)} right now; this run did nothing${AGAIN}`, file);
  }
  throw new LockHeld(`another run keeps re-creating ${file}; this run did nothing${AGAIN}`, file);
}
function create(file, content) {
  const tmp = (0, import_node_path5.join)((0, import_node_path5.dirname)(file), `.run.lock.${random()}.tmp`);
  try {
    makeStateDir((0, import_node_path5.dirname)(file));
    checkStateWrite(file);
    writeNew(tmp, content);
    try {
      (0, import_node_fs7.linkSync)(tmp, file);
    } catch (err) {
      if (!NO_LINK.has(code2(err))) throw err;
      writeNew(file, content);
    }
    return true;
  } catch (err) {
    if (code2(err) === "EEXIST") return false;
    throw new LockUnwritable(
      `cannot create lock file ${file} (${code2(err)}): check that STATE_DIR is a writable directory with free space (on the device: under /bootflash/guest-share, created from inside Guestshell)`
    );
  } finally {
    try {
      (0, import_node_fs7.rmSync)(tmp, { force: true });
    } catch {
    }
  }
}
function writeNew(file, content) {
  const fd = (0, import_node_fs7.openSync)(file, "wx", 384);
  try {
    (0, import_node_fs7.writeSync)(fd, content);
  } finally {
    (0, import_node_fs7.closeSync)(fd);
  }
}
function identityOf(file) {
  try {
    return identity((0, import_node_fs7.statSync)(file));
  } catch {
    return void 0;
  }
}
function takeOver(file, id, now) {
  const marker = `${file}.${id}.takeover`;
  try {
    writeNew(marker, "");
  } catch (err) {
    if (code2(err) !== "EEXIST") throw stateError(`cannot take over the stale lock ${file} (${code2(err)})`);
    try {
      if (now - (0, import_node_fs7.statSync)(marker).mtimeMs > MARKER_STALE_MS) (0, import_node_fs7.rmSync)(marker, { force: true });
    } catch {
    }
    return false;
  }
  const moved = `${file}.${random()}.stale`;
  try {
    if (identityOf(file) !== id) return true;
    (0, import_node_fs7.renameSync)(file, moved);
    if (identityOf(moved) !== id) (0, import_node_fs7.linkSync)(moved, file);
  } catch {
  } finally {
    (0, import_node_fs7.rmSync)(moved, { force: true });
    (0, import_node_fs7.rmSync)(marker, { force: true });
  }
  return true;
}
function releaseIfMine(file, mine) {
  try {
    if ((0, import_node_fs7.readFileSync)(file, "utf8") === mine) (0, import_node_fs7.rmSync)(file, { force: true });
  } catch {
  }
}
var import_node_fs7, import_node_path5, AGAIN, RUN_TAIL_MS, runLockEnv, LockHeld, LockUnwritable, NO_LINK, MARKER_STALE_MS, random, code2;
var init_lock = __esm({
  "src/state/lock.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs");
    import_node_path5 = require("node:path");
    init_errcode();
    init_errors();
    init_testing();
    init_times();
    init_files();
    init_lock_owner();
    AGAIN = ". Nothing to do if the next run succeeds; if this repeats, two EEM policies or two installs share STATE_DIR (check 'show event manager policy registered')";
    RUN_TAIL_MS = 6e4;
    runLockEnv = (deadlineMs, sys) => ({
      pid: sys.pid,
      now: sys.now,
      alive: sys.alive,
      maxRunMs: deadlineMs + RUN_TAIL_MS
    });
    LockHeld = class extends AppError {
      constructor(message, file, owner) {
        super("locked", message);
        this.file = file;
        this.owner = owner;
      }
      file;
      owner;
      /** Who holds the lock, for a message of the caller's own. */
      holder() {
        return lockHolder(this.file, this.owner);
      }
    };
    LockUnwritable = class extends AppError {
      constructor(message) {
        super("state", message);
      }
    };
    NO_LINK = /* @__PURE__ */ new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);
    MARKER_STALE_MS = 6e4;
    random = () => Math.floor(Math.random() * 1e9);
    code2 = (err) => errCode(err, "error");
  }
});

// src/commands/mute-lock.ts
async function underMuteLock(cfg, sys, unchanged, change) {
  const until = sys.now() + LOCK_WAIT_MS;
  for (; ; ) {
    try {
      const release = acquireLock(cfg.stateDir, runLockEnv(cfg.deadlineMs, sys));
      try {
        return change();
      } finally {
        release();
      }
    } catch (err) {
      if (!(err instanceof LockHeld)) throw err;
      if (sys.now() >= until) {
        const orDelete = err.owner ? " (if none is active, delete that file)" : "";
        throw new AppError(
          "lock-stuck",
          `${err.holder()}: ${unchanged}; try again when that run has finished${orDelete}`
        );
      }
      await (0, import_promises.setTimeout)(LOCK_RETRY_MS);
    }
  }
}
var import_promises, LOCK_WAIT_MS, LOCK_RETRY_MS;
var init_mute_lock = __esm({
  "src/commands/mute-lock.ts"() {
    "use strict";
    import_promises = require("node:timers/promises");
    init_errors();
    init_lock();
    LOCK_WAIT_MS = 1e4;
    LOCK_RETRY_MS = 200;
  }
});

// src/core/sanitize.ts
function jsonText(value, maxChars = Number.POSITIVE_INFINITY, maxDepth = MAX_VALUE_DEPTH) {
  const out = [];
  let left2 = maxChars + 1;
  const put = (s) => {
    out.push(s.length > left2 ? s.slice(0, left2) : s);
    left2 -= s.length;
  };
  const walk = (v, depth) => {
    if (typeof v === "string") return put(JSON.stringify(v.length > left2 ? v.slice(0, left2) : v));
    if (v === null || typeof v !== "object") return put(v === void 0 ? "null" : String(v));
    if (depth >= maxDepth) return put(TOO_DEEP);
    const array2 = Array.isArray(v);
    put(array2 ? "[" : "{");
    let n = 0;
    for (const key in v) {
      if (left2 <= 0) break;
      if (!Object.hasOwn(v, key)) continue;
      if (n++ > 0) put(",");
      if (!array2) put(`${JSON.stringify(key)}:`);
      walk(v[key], depth + 1);
    }
    put(array2 ? "]" : "}");
  };
  walk(value, 0);
  return out.join("");
}
function textOf(value, max) {
  if (typeof value !== "object" || value === null) return String(value).slice(0, 2 * max + 64);
  if (!Array.isArray(value)) return jsonText(value, max);
  const parts2 = [];
  let length = 0;
  for (const item of value) {
    if (length > max) break;
    const text4 = typeof item === "string" ? item.slice(0, max + 1) : jsonText(item, max);
    parts2.push(text4);
    length += text4.length + 2;
  }
  return parts2.join(", ");
}
function trimPlain(text4) {
  let a = 0;
  let b = text4.length;
  while (a < b && text4.charCodeAt(a) === 32) a++;
  while (b > a && text4.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === text4.length ? text4 : text4.slice(a, b);
}
function clean(value, max = MAX_VALUE_CHARS) {
  if (value === void 0 || value === null) return "";
  const text4 = textOf(value, max);
  if (text4.length <= max && !NOT_CLEAN.test(text4)) return text4;
  if (text4.length <= max && isPlain(text4)) return trimPlain(text4);
  const safe = text4.replace(UNSAFE, "?").trim();
  if (safe.length <= max) return safe;
  return `${Array.from(safe.slice(0, max + 1)).slice(0, max - 1).join("")}\u2026`;
}
function escapeHtml(text4) {
  return HTML_SPECIAL.test(text4) ? text4.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : text4;
}
var SUSPECT_CLASS, SUSPECT, NOT_CLEAN, MAX_VALUE_CHARS, MAX_VALUE_DEPTH, TOO_DEEP, isPlain, HTML_ESCAPES, HTML_SPECIAL;
var init_sanitize = __esm({
  "src/core/sanitize.ts"() {
    "use strict";
    init_printable();
    SUSPECT_CLASS = "[\\u0000-\\u001f\\u007f-\\u00a0\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff\\ud800-\\udfff]";
    SUSPECT = new RegExp(SUSPECT_CLASS);
    NOT_CLEAN = new RegExp(`${SUSPECT_CLASS}|^ | $`);
    MAX_VALUE_CHARS = 200;
    MAX_VALUE_DEPTH = 32;
    TOO_DEEP = '"(nested too deep)"';
    isPlain = (text4) => !SUSPECT.test(text4);
    HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    HTML_SPECIAL = /[&<>"']/;
  }
});

// src/core/plural.ts
var plural;
var init_plural = __esm({
  "src/core/plural.ts"() {
    "use strict";
    plural = (n, word, suffix = "s") => `${n} ${word}${n === 1 ? "" : suffix}`;
  }
});

// src/pxgrid/reason.ts
function reasonCode(reason) {
  return /^\s*(\d{3,6})\b/.exec(reason)?.[1];
}
var init_reason = __esm({
  "src/pxgrid/reason.ts"() {
    "use strict";
  }
});

// src/incidents/recent.ts
function recordOfKey(kind, key) {
  const [a, b, c] = ARITY[kind] === 1 ? [key] : key.split("\0");
  const base = { id: "", timestamp: "" };
  switch (kind) {
    case "user":
      return { ...base, userName: a };
    case "endpoint":
      return { ...base, callingStationId: a, macAddress: b };
    case "nas":
      return { ...base, nasName: a, networkDeviceName: b, nasIpAddress: c };
    case "reason":
      return { ...base, failureReason: a };
  }
}
function recentHours(s, now) {
  const first = Math.floor(now / HOUR_MS) * HOUR_MS - (RECENT_HOURS - 1) * HOUR_MS;
  return (s?.hours ?? []).filter((h) => h.at >= first && h.at <= now);
}
var RECENT_KINDS, HOUR_MS, RECENT_HOURS, SAVED_KEYS, MEMORY_KEYS, MAX_FIELD, text2, field, ARITY, emptyHour, Tuples, RecentTally;
var init_recent = __esm({
  "src/incidents/recent.ts"() {
    "use strict";
    init_reason();
    RECENT_KINDS = ["user", "endpoint", "nas", "reason"];
    HOUR_MS = 36e5;
    RECENT_HOURS = 24;
    SAVED_KEYS = 50;
    MEMORY_KEYS = 2e3;
    MAX_FIELD = 200;
    text2 = (v) => typeof v === "string" || typeof v === "number" ? String(v) : "";
    field = (v) => text2(v).slice(0, MAX_FIELD);
    ARITY = { user: 1, endpoint: 2, nas: 3, reason: 1 };
    emptyHour = (at) => ({
      at,
      n: 0,
      keys: { user: {}, endpoint: {}, nas: {}, reason: {} },
      other: { user: 0, endpoint: 0, nas: 0, reason: 0 }
    });
    Tuples = class {
      size = 0;
      #root = /* @__PURE__ */ new Map();
      /** False when the tuple is new and the map is full. */
      add(a, b, c, by) {
        let m1 = this.#root.get(a);
        if (!m1) {
          if (this.size >= MEMORY_KEYS) return false;
          m1 = /* @__PURE__ */ new Map();
          this.#root.set(a, m1);
        }
        let m2 = m1.get(b);
        if (!m2) {
          if (this.size >= MEMORY_KEYS) return false;
          m2 = /* @__PURE__ */ new Map();
          m1.set(b, m2);
        }
        const n = m2.get(c);
        if (n !== void 0) m2.set(c, n + by);
        else if (this.size >= MEMORY_KEYS) return false;
        else {
          this.size++;
          m2.set(c, by);
        }
        return true;
      }
      /** Every tuple as its stored key, `a\0b\0c` cut to the kind's arity. */
      *keys(arity) {
        for (const [a, m1] of this.#root)
          for (const [b, m2] of m1) for (const [c, n] of m2) yield [[a, b, c].slice(0, arity).join("\0"), n];
      }
    };
    RecentTally = class {
      constructor(s, now) {
        this.s = s;
        this.now = now;
        const at = Math.floor(now / HOUR_MS) * HOUR_MS;
        this.#current = recentHours(s, now).find((h) => h.at === at) ?? emptyHour(at);
        for (const kind of RECENT_KINDS)
          for (const [key, n] of Object.entries(this.#current.keys[kind])) {
            const [a = "", b = "", c = ""] = ARITY[kind] === 1 ? [key] : key.split("\0");
            this.#maps[kind].add(a, b, c, n);
          }
      }
      s;
      now;
      #current;
      #maps = {
        user: new Tuples(),
        endpoint: new Tuples(),
        nas: new Tuples(),
        reason: new Tuples()
      };
      /** Once per new record of a storm: a few map lookups, no object or key string per record. */
      add(r) {
        this.#current.n++;
        const m = this.#maps;
        const other = this.#current.other;
        if (!m.user.add(field(r.userName), "", "", 1)) other.user++;
        if (!m.endpoint.add(field(r.callingStationId), field(r.macAddress), "", 1)) other.endpoint++;
        if (!m.nas.add(field(r.nasName), field(r.networkDeviceName), field(r.nasIpAddress), 1)) other.nas++;
        if (!m.reason.add(reasonCode(text2(r.failureReason)) ?? "", "", "", 1)) other.reason++;
      }
      toState() {
        const h = this.#current;
        const other = { ...h.other };
        const keys = emptyHour(h.at).keys;
        for (const kind of RECENT_KINDS) {
          const sorted = [...this.#maps[kind].keys(ARITY[kind])].sort((a, b) => b[1] - a[1]);
          keys[kind] = Object.fromEntries(sorted.slice(0, SAVED_KEYS));
          for (const [, n] of sorted.slice(SAVED_KEYS)) other[kind] += n;
        }
        const older = recentHours(this.s, this.now).filter((x) => x.at !== h.at);
        const current = h.n > 0 ? [{ at: h.at, n: h.n, keys, other }] : [];
        return { from: this.s?.from ?? this.now, hours: [...older, ...current] };
      }
    };
  }
});

// src/core/dict.ts
function dict(from = {}) {
  const d = /* @__PURE__ */ Object.create(null);
  const entries = Symbol.iterator in from ? from : Object.entries(from);
  for (const [k, v] of entries) d[k] = v;
  return d;
}
var init_dict = __esm({
  "src/core/dict.ts"() {
    "use strict";
  }
});

// src/incidents/clock.ts
function localHour(t, timeZone) {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" });
    formats.set(timeZone, f);
  }
  let weekday = 0;
  let hour = 0;
  for (const p of f.formatToParts(t)) {
    if (p.type === "weekday") weekday = Math.max(0, WEEKDAYS.indexOf(p.value));
    if (p.type === "hour") hour = Number(p.value) % 24;
  }
  return { week: weekday * 24 + hour, day: hour };
}
var WEEKDAYS, formats;
var init_clock = __esm({
  "src/incidents/clock.ts"() {
    "use strict";
    WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    formats = /* @__PURE__ */ new Map();
  }
});

// src/incidents/baseline.ts
function mean(values, runs, i, x, alpha, steps) {
  const n = runs[i] ?? 0;
  const a = n === 0 ? 1 : Math.min(1, 1 - (1 - alpha) ** steps);
  values[i] = round((values[i] ?? 0) + a * (x - (values[i] ?? 0)));
  runs[i] = Math.min(1e3, n + 1);
}
function keepLargest(map, max, floor) {
  const entries = Object.entries(map).filter(([, v]) => v >= floor);
  entries.sort((a, b) => b[1] - a[1]);
  return dict(entries.slice(0, max).map(([k, v]) => [k, round(v)]));
}
var emptyBaseline, STEP_MS, SHARE_TAU_MS, WEEK_ALPHA, DAY_ALPHA, NAS_ALPHA, WEEK_RUNS, DAY_RUNS, MAX_REASONS, MAX_NAS, Baseline, round;
var init_baseline = __esm({
  "src/incidents/baseline.ts"() {
    "use strict";
    init_dict();
    init_clock();
    emptyBaseline = () => ({
      week: new Array(168).fill(0),
      weekN: new Array(168).fill(0),
      day: new Array(24).fill(0),
      dayN: new Array(24).fill(0),
      shares: dict(),
      nas: dict()
    });
    STEP_MS = 10 * 6e4;
    SHARE_TAU_MS = 3 * 864e5;
    WEEK_ALPHA = 0.3;
    DAY_ALPHA = 0.05;
    NAS_ALPHA = 0.02;
    WEEK_RUNS = 3;
    DAY_RUNS = 3;
    MAX_REASONS = 200;
    MAX_NAS = 2e3;
    Baseline = class {
      /**
       * `weekReady`: a week has passed since the first run, so each hour-of-week bucket was learned on
       * an earlier day than today (before that a bucket would only know the current hour itself).
       */
      constructor(s, timeZone, weekReady) {
        this.s = s;
        this.timeZone = timeZone;
        this.weekReady = weekReady;
        s.shares = dict(s.shares);
        s.nas = dict(s.nas);
      }
      s;
      timeZone;
      weekReady;
      /** Expected failures per minute at `t`, or undefined while this hour was never learned. */
      rate(t) {
        const h = localHour(t, this.timeZone);
        if (this.weekReady && (this.s.weekN[h.week] ?? 0) >= WEEK_RUNS) return this.s.week[h.week];
        if ((this.s.dayN[h.day] ?? 0) >= DAY_RUNS) return this.s.day[h.day];
        return void 0;
      }
      /** The reason's share of all failures (0 when never seen). */
      share(code3) {
        const total = Object.values(this.s.shares).reduce((a, b) => a + b, 0);
        return total > 0 ? (this.s.shares[code3] ?? 0) / total : 0;
      }
      /** How busy `t` is against the average hour (1 = average), clamped: scales per-NAS baselines. */
      busyness(t) {
        const learned = this.s.day.filter((_, i) => (this.s.dayN[i] ?? 0) >= DAY_RUNS);
        const mean2 = learned.length ? learned.reduce((a, b) => a + b, 0) / learned.length : 0;
        const now = this.rate(t);
        if (!mean2 || now === void 0) return 1;
        return Math.min(3, Math.max(0.5, now / mean2));
      }
      nasLevel(nas) {
        return this.s.nas[nas] ?? 0;
      }
      /** One run's worth of learning: `ratePerMin` over `intervalMs`, counts by reason, NAS levels. */
      learn(t, intervalMs, ratePerMin, byReason, nasLevels) {
        const steps = Math.min(6, intervalMs / STEP_MS);
        const h = localHour(t, this.timeZone);
        const expected = this.rate(t);
        const r = expected === void 0 ? ratePerMin : Math.min(ratePerMin, 3 * Math.max(expected, 0.05));
        mean(this.s.week, this.s.weekN, h.week, r, WEEK_ALPHA, steps);
        mean(this.s.day, this.s.dayN, h.day, r, DAY_ALPHA, steps);
        const decay = Math.exp(-intervalMs / SHARE_TAU_MS);
        for (const code3 of Object.keys(this.s.shares)) this.s.shares[code3] *= decay;
        for (const [code3, n] of byReason) this.s.shares[code3] = (this.s.shares[code3] ?? 0) + n;
        this.s.shares = keepLargest(this.s.shares, MAX_REASONS, 1e-3);
        this.#learnNas(nasLevels, steps, this.busyness(t));
      }
      /**
       * Per NAS the level for an average hour: nasLevel() times busyness() is what is expected at a
       * given hour. Learned in the busier hours only: at night the largest of a few tiny counts says
       * more about chance than about the NAS.
       */
      #learnNas(nasLevels, steps, busy) {
        if (busy < 1) return;
        const a = 1 - (1 - NAS_ALPHA) ** steps;
        for (const nas of /* @__PURE__ */ new Set([...Object.keys(this.s.nas), ...nasLevels.keys()])) {
          const old = this.s.nas[nas] ?? 0;
          const seen = Math.min((nasLevels.get(nas) ?? 0) / busy, Math.max(5, 3 * old));
          this.s.nas[nas] = old + a * (seen - old);
        }
        this.s.nas = keepLargest(this.s.nas, MAX_NAS, 1e-3);
      }
    };
    round = (x) => Number(x.toPrecision(4));
  }
});

// src/incidents/codes.ts
var STORE_DOWN, USER_LEVEL, SERVER_CERT, SUPPLICANT_SILENT, GUESSING, storeDown;
var init_codes = __esm({
  "src/incidents/codes.ts"() {
    "use strict";
    STORE_DOWN = /* @__PURE__ */ new Set(["24495", "24454", "24444"]);
    USER_LEVEL = /* @__PURE__ */ new Set([
      "22040",
      "22056",
      "22049",
      "24206",
      "24408",
      "24409",
      "24414",
      "24423"
    ]);
    SERVER_CERT = /* @__PURE__ */ new Set(["12321", "12520", "11514"]);
    SUPPLICANT_SILENT = /* @__PURE__ */ new Set(["5411", "12934", "12935"]);
    GUESSING = /* @__PURE__ */ new Set(["22040", "22056", "24408", "24409", "24414", "24206"]);
    storeDown = (e) => STORE_DOWN.has(e.code);
  }
});

// src/incidents/incident.ts
function matches(i, e) {
  if (e.admin) return i.scope === "all" || i.scope === "admin" && (e.nas === i.nas || e.subject === i.subject);
  switch (i.scope) {
    case "nas":
      return e.nas === i.nas && e.code === i.code;
    case "reason":
      return i.codes ? i.codes.includes(e.code) : e.code === i.code;
    case "subject":
      return e.subject === i.subject && (i.codes === void 0 || i.codes.includes(e.code));
    case "source":
      return e.subject !== e.endpoint && GUESSING.has(e.code) && (i.port ? e.nas === i.nas && e.port === i.port : e.endpoint === i.endpoint);
    case "store":
      return storeDown(e);
    case "admin":
      return false;
    case "all":
      return true;
  }
}
var SCOPES, RANK, byRank;
var init_incident = __esm({
  "src/incidents/incident.ts"() {
    "use strict";
    init_codes();
    SCOPES = ["nas", "reason", "subject", "all", "source", "store", "admin"];
    RANK = {
      storm: 0,
      "identity-store": 1,
      guessing: 2,
      "admin-login": 3,
      "nas-wide": 4,
      spike: 5,
      "new-reason": 6,
      lockout: 7
    };
    byRank = (a, b) => RANK[a.rule] - RANK[b.rule] || b.failures - a.failures || (a.id < b.id ? -1 : 1);
  }
});

// src/incidents/rolling-window.ts
var emptyWindow, MAX_KEYS, MAX_SUBJECTS_PER_KEY, MAX_LOCK_SUBJECTS, MAX_LOCK_EVENTS, SAVED_SUBJECTS, SAVED_SUBJECTS_PER_KEY, SAVED_LOCK_SUBJECTS, nasKey, splitNasKey, subjectKey, Windows;
var init_rolling_window = __esm({
  "src/incidents/rolling-window.ts"() {
    "use strict";
    init_dict();
    emptyWindow = () => ({ nas: {}, lock: {} });
    MAX_KEYS = 2e3;
    MAX_SUBJECTS_PER_KEY = 128;
    MAX_LOCK_SUBJECTS = 2e4;
    MAX_LOCK_EVENTS = 32;
    SAVED_SUBJECTS = 4e3;
    SAVED_SUBJECTS_PER_KEY = 64;
    SAVED_LOCK_SUBJECTS = 1e3;
    nasKey = (nas, code3) => `${nas}\0${code3}`;
    splitNasKey = (key) => {
      const i = key.indexOf("\0");
      return [key.slice(0, i), key.slice(i + 1)];
    };
    subjectKey = (e) => e.subject === e.endpoint ? `e:${e.subject}` : `u:${e.subject}`;
    Windows = class {
      nas = /* @__PURE__ */ new Map();
      lock = /* @__PURE__ */ new Map();
      constructor(s) {
        for (const [k, subjects] of Object.entries(s.nas)) this.nas.set(k, new Map(Object.entries(subjects)));
        for (const [k, v] of Object.entries(s.lock)) this.lock.set(k, { ...v, ev: v.ev.map(([t, w]) => [t, w]) });
      }
      addNas(e) {
        if (!e.subject) return;
        const key = nasKey(e.nas, e.code);
        let subjects = this.nas.get(key);
        if (!subjects) {
          if (this.nas.size >= MAX_KEYS) return;
          subjects = /* @__PURE__ */ new Map();
          this.nas.set(key, subjects);
        }
        const sk = subjectKey(e);
        const old = subjects.get(sk);
        if (old !== void 0 || subjects.size < MAX_SUBJECTS_PER_KEY) subjects.set(sk, Math.max(old ?? 0, e.time));
      }
      addLock(e) {
        if (!e.subject) return;
        let entry = this.lock.get(e.subject);
        if (!entry) {
          if (this.lock.size >= MAX_LOCK_SUBJECTS) return;
          entry = { ev: [], nas: e.nas, code: e.code };
          this.lock.set(e.subject, entry);
        }
        entry.ev.push([e.time, e.weight]);
        entry.nas = e.nas;
        entry.code = e.code;
        if (entry.ev.length > MAX_LOCK_EVENTS) {
          entry.ev.sort((a2, b2) => a2[0] - b2[0]);
          const [a, b] = entry.ev.splice(0, 2);
          entry.ev.unshift([b[0], a[1] + b[1]]);
        }
      }
      /** Drops what fell out of the windows ending at `now`. */
      prune(now, nasWindowMs, lockWindowMs) {
        for (const [key, subjects] of this.nas) {
          for (const [s, t] of subjects) if (t < now - nasWindowMs) subjects.delete(s);
          if (subjects.size === 0) this.nas.delete(key);
        }
        for (const [s, entry] of this.lock) {
          entry.ev = entry.ev.filter(([t]) => t >= now - lockWindowMs);
          if (entry.ev.length === 0) this.lock.delete(s);
        }
      }
      /** Are most of a key's subjects users (not bare endpoints, as in MAB)? */
      mostlyUsers(key) {
        let users = 0;
        const subjects = this.nas.get(key) ?? /* @__PURE__ */ new Map();
        for (const s of subjects.keys()) if (s.startsWith("u:")) users++;
        return users * 2 >= subjects.size;
      }
      distinct(key) {
        return this.nas.get(key)?.size ?? 0;
      }
      /** Weighted failures of a subject in the window. */
      lockWeight(subject) {
        return (this.lock.get(subject)?.ev ?? []).reduce((n, [, w]) => n + w, 0);
      }
      /** The state to save: the most recent entries only, so the file stays small after a storm. */
      toState() {
        const nas = dict();
        let budget = SAVED_SUBJECTS;
        for (const [k, subjects] of [...this.nas].sort((a, b) => b[1].size - a[1].size)) {
          const keep = Math.min(budget, SAVED_SUBJECTS_PER_KEY);
          if (keep <= 0) break;
          budget -= Math.min(keep, subjects.size);
          nas[k] = dict([...subjects].sort((a, b) => b[1] - a[1]).slice(0, keep));
        }
        const lastOf = (ev) => ev.reduce((m, [t]) => Math.max(m, t), 0);
        const lockEntries = [...this.lock].sort((a, b) => lastOf(b[1].ev) - lastOf(a[1].ev)).slice(0, SAVED_LOCK_SUBJECTS);
        return { nas, lock: dict(lockEntries) };
      }
    };
  }
});

// src/incidents/state.ts
function incidentShape() {
  const str2 = string2();
  const num2 = number2();
  const bool2 = boolean2();
  const strs = array(str2);
  return object({
    id: str2,
    // The rule names come from the list the engine runs: a new rule cannot be refused here.
    rule: _enum(RULES),
    scope: _enum(SCOPES),
    nas: optional(str2),
    code: optional(str2),
    subject: optional(str2),
    endpoint: optional(str2),
    port: optional(str2),
    codes: optional(strs),
    reason: optional(str2),
    hint: optional(str2),
    title: str2,
    evidence: strs,
    users: strs,
    usersCount: str2,
    endpoints: strs,
    endpointsCount: str2,
    since: num2,
    last: num2,
    quietUntil: num2,
    openedAt: num2,
    failures: num2,
    reported: num2,
    mailed: bool2,
    silent: bool2
  });
}
function recentHour() {
  const num2 = number2();
  const byKind = (t) => object({ user: t, endpoint: t, nas: t, reason: t });
  return object({ at: num2, n: num2, keys: byKind(record(string2(), num2)), other: byKind(num2) });
}
function loadIncidentState(dir) {
  return readStateJson(incidentsFile(dir), stateFile2, RESET2);
}
function saveIncidentState(dir, state) {
  writeFileAtomic(incidentsFile(dir), JSON.stringify(state));
}
var emptyIncidentState, incidentsFile, stateFile2, RESET2;
var init_state = __esm({
  "src/incidents/state.ts"() {
    "use strict";
    init_mini();
    init_incidents();
    init_dict();
    init_shape();
    init_atomic();
    init_files();
    init_baseline();
    init_incident();
    init_rolling_window();
    emptyIncidentState = () => ({
      version: 1,
      open: [],
      resolved: [],
      reasons: dict(),
      baseline: emptyBaseline(),
      window: emptyWindow()
    });
    incidentsFile = stateFile.incidents;
    stateFile2 = checkOf(() => {
      const str2 = string2();
      const num2 = number2();
      const bool2 = boolean2();
      const nums = record(str2, num2);
      return object({
        version: literal(1),
        since: optional(num2),
        lastRun: optional(num2),
        open: array(incidentShape()),
        resolved: array(object({ id: str2, title: str2, since: num2, last: num2, failures: num2, unmailed: bool2 })),
        reasons: nums,
        baseline: object({
          week: arrOf(num2, 168),
          weekN: arrOf(num2, 168),
          day: arrOf(num2, 24),
          dayN: arrOf(num2, 24),
          shares: nums,
          nas: nums
        }),
        window: object({
          nas: record(str2, nums),
          lock: record(str2, object({ ev: array(tuple([num2, num2])), nas: str2, code: str2 }))
        }),
        recent: optional(object({ from: num2, hours: array(recentHour()) }))
      });
    });
    RESET2 = "delete it to start learning afresh (open incidents are then forgotten; no failure is lost)";
  }
});

// src/rollup/filters.ts
function globMatcher(glob) {
  const p = Array.from(glob.toLowerCase());
  return (text4) => {
    const s = Array.from(text4.toLowerCase());
    let i = 0;
    let j = 0;
    let star = -1;
    let resume = 0;
    while (i < s.length) {
      if (j < p.length && (p[j] === "?" || p[j] !== "*" && p[j] === s[i])) {
        i++;
        j++;
      } else if (j < p.length && p[j] === "*") {
        star = ++j;
        resume = i;
      } else if (star >= 0) {
        j = star;
        i = ++resume;
      } else return false;
    }
    while (p[j] === "*") j++;
    return j === p.length;
  };
}
function compileFilters(f) {
  const excludeReasons = new Set(f.excludeReasons);
  const includeReasons = new Set(f.includeReasons);
  const users = f.excludeUsers.map(globMatcher);
  const nas = new Set(f.excludeNas.map((n) => n.toLowerCase()));
  if (excludeReasons.size + includeReasons.size + users.length + nas.size === 0) return () => void 0;
  return (r) => {
    const code3 = reasonCode(typeof r.failureReason === "string" ? r.failureReason : "");
    if (code3 !== void 0 && excludeReasons.has(code3)) return "EXCLUDE_REASONS";
    if (includeReasons.size > 0 && (code3 === void 0 || !includeReasons.has(code3))) return "INCLUDE_REASONS";
    if (users.length > 0) {
      const user = typeof r.userName === "string" ? r.userName : "";
      if (users.some((match) => match(user))) return "EXCLUDE_USERS";
    }
    if (nas.size > 0 && [r.nasName, r.networkDeviceName, r.nasIpAddress].some((v) => nas.has(str(v))))
      return "EXCLUDE_NAS";
    return void 0;
  };
}
function filterNotes(counts, more2 = true) {
  const order = ["EXCLUDE_REASONS", "INCLUDE_REASONS", "EXCLUDE_USERS", "EXCLUDE_NAS"];
  const n = (name) => `${counts.get(name)}${more2 ? " more" : ""}`;
  return order.flatMap((name) => {
    if ((counts.get(name) ?? 0) === 0) return [];
    return [name === "INCLUDE_REASONS" ? `${n(name)} did not match INCLUDE_REASONS` : `${n(name)} matched ${name}`];
  });
}
var str;
var init_filters = __esm({
  "src/rollup/filters.ts"() {
    "use strict";
    init_reason();
    str = (v) => typeof v === "string" || typeof v === "number" ? String(v).trim().toLowerCase() : "";
  }
});

// src/mutes/target.ts
function parseTarget(text4) {
  const at = text4.indexOf(":");
  const kind = text4.slice(0, at).trim().toLowerCase();
  const value = text4.slice(at + 1).trim();
  if (at < 0 || !MUTE_KINDS.includes(kind))
    throw usageError(`mute target "${shown2(text4)}" is not one of the four kinds: ${USAGE}`);
  if (value === "" || value.length > MAX_VALUE || /[\u0000-\u001f\u007f]/.test(value)) {
    throw usageError(`mute target "${shown2(text4)}" needs a value of 1 to ${MAX_VALUE} printable characters: ${USAGE}`);
  }
  if (kind === "endpoint") {
    const mac2 = canonicalMac(value);
    if (!mac2)
      throw usageError(
        `endpoint:${shown2(value)} is not a MAC address: use e.g. endpoint:00:11:22:33:44:55 (also 00-11-22-33-44-55 or 0011.2233.4455)`
      );
    return { kind, value: mac2 };
  }
  if (kind === "reason" && !/^\d{3,6}$/.test(value))
    throw usageError(`reason:${shown2(value)} is not a failure reason code: use e.g. reason:22040`);
  return { kind, value };
}
function compileTarget(t) {
  switch (t.kind) {
    case "user": {
      const glob = globMatcher(t.value);
      return (r) => glob(text3(r.userName));
    }
    case "endpoint":
      return (r) => [r.callingStationId, r.macAddress].some((v) => canonicalMac(text3(v)) === t.value);
    case "nas":
      return nasTest(t.value.toLowerCase());
    case "reason":
      return (r) => reasonCode(text3(r.failureReason)) === t.value;
  }
}
function nasTest(value) {
  const short = !value.includes(".") && !(0, import_node_net.isIP)(value);
  return (r) => [r.nasName, r.networkDeviceName, r.nasIpAddress].some((v) => {
    const name = text3(v).trim().toLowerCase();
    return name === value || short && name.split(".")[0] === value;
  });
}
function canonicalMac(value) {
  const v = value.trim().toLowerCase();
  if (!/^(?:[0-9a-f]{2}([:-]?)(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/.test(v))
    return void 0;
  const hex = v.replace(/[^0-9a-f]/g, "");
  return hex.match(/../g).join(":");
}
var import_node_net, MUTE_KINDS, MAX_VALUE, USAGE, targetText, matchesEverything, text3, shown2;
var init_target = __esm({
  "src/mutes/target.ts"() {
    "use strict";
    import_node_net = require("node:net");
    init_errors();
    init_reason();
    init_filters();
    MUTE_KINDS = ["user", "endpoint", "nas", "reason"];
    MAX_VALUE = 200;
    USAGE = "give user:GLOB, endpoint:MAC, nas:NAME-OR-IP or reason:CODE, e.g. nas:sw-lab-01";
    targetText = (t) => `${t.kind}:${t.value}`;
    matchesEverything = (t) => t.kind === "user" && /^[*?]*\*[*?]*$/.test(t.value);
    text3 = (v) => typeof v === "string" || typeof v === "number" ? String(v) : "";
    shown2 = (s) => s.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 80);
  }
});

// src/mutes/recent-match.ts
function recentMatch(cfg, target, now) {
  const incidents = incidentsState(cfg.incidents.mode, cfg.alert.mode);
  if (!incidents.on) return note(`the last day's failures are counted only while incidents are on (${incidents.why})`);
  let state;
  try {
    state = loadIncidentState(cfg.stateDir);
  } catch {
    return note("incidents.json is unreadable (run.js doctor says more)");
  }
  const recent = state?.recent;
  if (!recent) return note("the next run with incidents on starts counting");
  const hours = recentHours(recent, now);
  const total = hours.reduce((n, h) => n + h.n, 0);
  const start = Math.floor(now / HOUR_MS) * HOUR_MS - (RECENT_HOURS - 1) * HOUR_MS;
  const period = recent.from > start ? `since ${summaryTime(recent.from)}` : "in the last 24 h";
  if (total === 0) return { text: `no failures seen ${period} to check it against`, warn: false };
  const { matched, unlisted, top: top4 } = count2(hours, target);
  const seen = `${plural(total, "failure")} seen ${period}`;
  if (unlisted > 0 && matched === 0)
    return { text: `it matches none of the itemised ones of the ${seen}; ${unlisted} were not itemised`, warn: false };
  if (unlisted > 0)
    return { text: `it matches ${matched} or more of the ${seen} (${unlisted} not itemised)`, warn: false };
  if (matched === 0) {
    const hint = top4.length ? ` (most seen: ${top4.join(", ")})` : "";
    return { text: `it matches none of the ${seen}: check the spelling${hint}`, warn: true };
  }
  if (matched === total)
    return {
      text: `it matches all ${seen}: every one leaves the mail body; narrow the target if that was not meant`,
      warn: true
    };
  return { text: `it matches ${matched} of the ${seen}`, warn: false };
}
function count2(hours, target) {
  const kind = target.kind;
  const test = compileTarget(target);
  const byKey = /* @__PURE__ */ new Map();
  let unlisted = 0;
  for (const h of hours) {
    unlisted += h.other[kind];
    for (const [key, n] of Object.entries(h.keys[kind])) byKey.set(key, (byKey.get(key) ?? 0) + n);
  }
  let matched = 0;
  for (const [key, n] of byKey) if (test(recordOfKey(kind, key))) matched += n;
  const shown3 = (key) => clean(key.split("\0").find((v) => v !== "") ?? "", 40);
  const top4 = kind === "nas" || kind === "reason" ? [...byKey].sort((a, b) => b[1] - a[1]).map(([key]) => shown3(key)).filter((v, i, all) => v !== "" && all.indexOf(v) === i).slice(0, 3) : [];
  return { matched, unlisted, top: top4 };
}
var note;
var init_recent_match = __esm({
  "src/mutes/recent-match.ts"() {
    "use strict";
    init_incidents();
    init_plural();
    init_sanitize();
    init_times();
    init_recent();
    init_state();
    init_target();
    note = (why) => ({
      text: `no count of the last day's failures to check it against: ${why}`,
      warn: false
    });
  }
});

// src/mutes/store.ts
function readMutes(stateDir) {
  const data = readStateJson(mutesFile(stateDir), muteFile, RESET3);
  if (!data) return { nextId: 1, mutes: [] };
  const mutes = data.mutes.map(({ target, created, until, ...rest }) => ({
    ...rest,
    ...parseStored(stateDir, target),
    created: Date.parse(created),
    until: Date.parse(until)
  }));
  return { nextId: data.nextId, mutes };
}
function writeMutes(stateDir, file, now) {
  const mutes = file.mutes.filter((m) => m.until > now).map((m) => ({
    id: m.id,
    target: targetText(m),
    created: new Date(m.created).toISOString(),
    until: new Date(m.until).toISOString(),
    note: m.note,
    by: m.by
  }));
  writeFileAtomic(
    mutesFile(stateDir),
    `${JSON.stringify({ version: 1, nextId: file.nextId, mutes }, null, 1)}
`,
    384
  );
}
function parseStored(stateDir, target) {
  try {
    return parseTarget(target);
  } catch (err) {
    throw usageError(`state file ${mutesFile(stateDir)} holds an invalid mute (${err.message}); ${RESET3}`);
  }
}
function untrusted(m, now) {
  if (m.until - m.created > MAX_MUTE_MS + SLACK_MS) return "until";
  return m.created > now + SLACK_MS ? "created" : void 0;
}
function muteSet(mutes, now) {
  const unexpired = mutes.filter((m) => m.until > now).sort((a, b) => a.id - b.id);
  const active = unexpired.filter((m) => !untrusted(m, now));
  const tests = active.map((m) => [m, compileTarget(m)]);
  return {
    active,
    ignored: unexpired.filter((m) => untrusted(m, now)),
    match: (record2) => tests.find(([, test]) => test(record2))?.[0]
  };
}
function loadMutes(stateDir, now) {
  return muteSet(readMutes(stateDir).mutes, now);
}
var mutesFile, muteFile, RESET3, MAX_MUTE_MS, SLACK_MS;
var init_store = __esm({
  "src/mutes/store.ts"() {
    "use strict";
    init_mini();
    init_errors();
    init_shape();
    init_atomic();
    init_files();
    init_target();
    mutesFile = stateFile.mutes;
    muteFile = checkOf(
      () => object({
        version: literal(1),
        nextId: int2(1),
        mutes: array(
          object({
            id: int2(1),
            target: string2(),
            created: isoTime(),
            until: isoTime(),
            note: optional(string2()),
            by: optional(string2())
          })
        )
      })
    );
    RESET3 = "fix or delete it (deleting it ends every mute; no failure is lost)";
    MAX_MUTE_MS = 366 * 864e5;
    SLACK_MS = 10 * 6e4;
  }
});

// src/render/time.ts
function timeFormat(zone) {
  const offsetOf = zoneOffset(zone);
  return (t) => {
    if (t === void 0 || !Number.isFinite(t)) return "?";
    if (!plausible(t)) return Math.abs(t) <= 864e13 ? `${new Date(t).toISOString()} (UTC)` : "?";
    const offsetMin = offsetOf(t);
    const d = new Date(Math.floor(t / 1e3) * 1e3 + offsetMin * 6e4).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 19)} ${offsetText(offsetMin)}`;
  };
}
function zoneOffset(zone) {
  if (zone === "UTC" || zone === "Etc/UTC") return () => 0;
  const dtf = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit"
  });
  const known = /* @__PURE__ */ new Map();
  return (t) => {
    const bucket = Math.floor(t / BUCKET_MS);
    let offset = known.get(bucket);
    if (offset === void 0) {
      const at = bucket * BUCKET_MS;
      const p = {};
      for (const part2 of dtf.formatToParts(at)) if (part2.type !== "literal") p[part2.type] = Number(part2.value);
      const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      offset = Math.round((wall - at) / 6e4);
      if (known.size >= KNOWN_MAX) known.clear();
      known.set(bucket, offset);
    }
    return offset;
  };
}
function offsetText(min) {
  const abs = Math.abs(min);
  return `${min < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
function clockFor(zone, from, to) {
  const full = timeFormat(zone);
  const parts2 = (t) => {
    const s = full(t);
    return { date: s.slice(0, 10), time: s.slice(11, 19), offset: s.slice(20) };
  };
  const ref = to !== void 0 && plausible(to) ? parts2(to) : void 0;
  const first = from !== void 0 && plausible(from) ? parts2(from) : ref;
  const oneDay = !ref || !first || ref.date === first.date;
  const day = (date2) => `${Number(date2.slice(8, 10))} ${MONTHS[Number(date2.slice(5, 7)) - 1]}`;
  const format = (len) => (t) => {
    if (t === void 0 || !Number.isFinite(t) || !plausible(t)) return full(t);
    const p = parts2(t);
    const time2 = p.time.slice(0, len);
    const dated = oneDay && (!ref || p.date === ref.date) ? time2 : `${day(p.date)} ${time2}`;
    return ref && p.offset !== ref.offset ? `${dated} ${p.offset}` : dated;
  };
  const short = format(8);
  return {
    full,
    short,
    minute: format(5),
    range: (a, b) => {
      if (a === void 0 || b === void 0 || !plausible(a) || !plausible(b)) return `${full(a)} to ${full(b)}`;
      const [x, y] = [parts2(a), parts2(b)];
      const year = (p) => `${day(p.date)} ${p.date.slice(0, 4)}`;
      if (a === b) return `${year(x)}, ${x.time}`;
      return x.date === y.date ? `${year(x)}, ${x.time} to ${y.time}` : `${year(x)} ${x.time} to ${year(y)} ${y.time}`;
    },
    zone: zone === "UTC" || zone === "Etc/UTC" ? "UTC" : ref ? `${zone}, UTC${ref.offset}` : zone,
    span: (a, b) => a === b ? `at ${short(a)}` : `${short(a)} to ${short(b)}`
  };
}
var BUCKET_MS, KNOWN_MAX, MONTHS;
var init_time = __esm({
  "src/render/time.ts"() {
    "use strict";
    init_times();
    BUCKET_MS = 15 * 6e4;
    KNOWN_MAX = 672;
    MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  }
});

// src/mutes/words.ts
function ignoredText(m, fmt) {
  if (untrusted(m, Number.POSITIVE_INFINITY) === "until")
    return `until ${fmt(m.until)}, beyond the longest mute (366d): ignored, mute it again`;
  return `created ${fmt(m.created)}, in the future: ignored, mute it again`;
}
function describeMute(m, now, fmt) {
  const by = m.by ? `  by ${clean(m.by, 60)}` : "";
  const note3 = m.note ? `  "${clean(m.note)}"` : "";
  return `${String(m.id).padEnd(3)} ${targetText(m)}  until ${fmt(m.until)} (${left(m.until - now)} left)${by}${note3}`;
}
function footerMutes(cfg, now) {
  const fmt = timeFormat(cfg.mail.timezone);
  try {
    return loadMutes(cfg.stateDir, now).active.map((m) => footerMute(m, fmt));
  } catch {
    return [];
  }
}
function footerMute(m, fmt) {
  return clean(`${targetText(m)} until ${fmt(m.until)} (id ${m.id}${m.by ? `, by ${m.by}` : ""})`, 160);
}
function left(ms) {
  const min = Math.max(1, Math.floor(ms / MIN_MUTE_MS));
  const [d, h, m] = [Math.floor(min / 1440), Math.floor(min % 1440 / 60), min % 60];
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}
var MIN_MUTE_MS;
var init_words = __esm({
  "src/mutes/words.ts"() {
    "use strict";
    init_sanitize();
    init_time();
    init_store();
    init_target();
    MIN_MUTE_MS = 6e4;
  }
});

// src/commands/mute.ts
var mute_exports = {};
__export(mute_exports, {
  mute: () => mute
});
function mute(cfg, now, target, flags) {
  const t = parseTarget(target);
  const all = matchesEverything(t);
  if (all && !flags.force)
    throw usageError(
      `mute target ${targetText(t)} matches every failure: it would keep every failure out of the mail; mute something narrower, or add --force if that is what you want`
    );
  const ms = flags.for === void 0 ? void 0 : parseDuration(flags.for);
  if (ms === void 0 || ms < MIN_MUTE_MS || ms > MAX_MUTE_MS) {
    const got = flags.for === void 0 ? "missing" : `"${clean(flags.for, 40)}"`;
    throw usageError(`--for is ${got}: give how long to mute, from 1m to 366d, e.g. --for 8h`);
  }
  const note3 = optionalText("--note", flags.note);
  const by = optionalText("--by", flags.by);
  const file = readMutes(cfg.stateDir);
  const same = file.mutes.find((m) => m.until > now && targetText(m) === targetText(t));
  const entry = same ? { ...same, created: Math.min(same.created, now), until: now + ms, note: note3 ?? same.note, by: by ?? same.by } : { ...t, id: file.nextId, created: now, until: now + ms, note: note3, by };
  const mutes = same ? file.mutes.map((m) => m === same ? entry : m) : [...file.mutes, entry];
  writeMutes(cfg.stateDir, { nextId: same ? file.nextId : file.nextId + 1, mutes }, now);
  const until = summaryTime(entry.until);
  const what = `${same ? "mute extended" : "muted"}: ${targetText(entry)} until ${until} (id ${entry.id})`;
  if (all)
    return {
      exitCode: 0,
      status: "WARN",
      message: `${what}; it matches every failure (--force): only a storm (more than STORM_THRESHOLD in one poll) and the health mails still get through; every mail footer names it`
    };
  const recent = recentMatch(cfg, t, now);
  const effect = "matching failures raise no incident and leave the mail body, counted and attached";
  const message = `${what}; ${effect}; ${recent.text}`;
  return recent.warn ? { exitCode: 0, status: "WARN", message } : ok(message);
}
function optionalText(flag, value) {
  if (value === void 0) return void 0;
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 200)
    throw usageError(`${flag} must be one line of at most 200 characters`);
  return value.trim() || void 0;
}
var ok;
var init_mute = __esm({
  "src/commands/mute.ts"() {
    "use strict";
    init_values();
    init_errors();
    init_sanitize();
    init_times();
    init_recent_match();
    init_store();
    init_target();
    init_words();
    ok = (message) => ({ exitCode: 0, status: "OK", message });
  }
});

// src/commands/mutes.ts
var mutes_exports = {};
__export(mutes_exports, {
  listMutes: () => listMutes
});
function listMutes(cfg, now, io) {
  const { active, ignored } = muteSet(readMutes(cfg.stateDir).mutes, now);
  const fmt = timeFormat(cfg.mail.timezone);
  for (const m of active) io.out(describeMute(m, now, fmt));
  for (const m of ignored) io.out(`${describeMute(m, now, fmt)}  (${ignoredText(m, fmt)})`);
  const listed = active.length ? `${plural(active.length, "active mute")}` : "no active mutes";
  if (ignored.length === 0) return ok2(listed);
  const also = `${plural(ignored.length, "untrusted mute")} ignored`;
  return { exitCode: 0, status: "WARN", message: `${listed}; ${also}` };
}
var ok2;
var init_mutes = __esm({
  "src/commands/mutes.ts"() {
    "use strict";
    init_plural();
    init_store();
    init_words();
    init_time();
    ok2 = (message) => ({ exitCode: 0, status: "OK", message });
  }
});

// src/commands/unmute.ts
var unmute_exports = {};
__export(unmute_exports, {
  unmute: () => unmute
});
function unmute(cfg, now, idText) {
  const id = /^\d{1,9}$/.test(idText.trim()) ? Number(idText) : Number.NaN;
  const file = readMutes(cfg.stateDir);
  const found = file.mutes.find((m) => m.id === id && m.until > now);
  if (!found) throw usageError(`no active mute with id "${clean(idText, 20)}": run.js mutes lists the active ones`);
  writeMutes(cfg.stateDir, { ...file, mutes: file.mutes.filter((m) => m !== found) }, now);
  return ok3(`unmuted ${targetText(found)} (id ${found.id})`);
}
var ok3;
var init_unmute = __esm({
  "src/commands/unmute.ts"() {
    "use strict";
    init_errors();
    init_sanitize();
    init_store();
    init_target();
    ok3 = (message) => ({ exitCode: 0, status: "OK", message });
  }
});

// src/cli/mute-commands.ts
function addMuteCommands(program2, { sys, io, config: config2, done }) {
  program2.command("mute").description("mute failures of a user, endpoint, NAS or reason for a while (no incidents, out of the mail body)").argument("<target>", "user:GLOB | endpoint:MAC | nas:NAME-OR-IP | reason:CODE").option("--for <duration>", "how long: 30m, 8h, 2d (1m to 366d)").option("--note <text>", "why, shown by mutes and in the mail").option("--by <name>", "who muted it, shown by mutes").option("--force", "accept a target that matches every failure (user:*)").action(async (target, flags, cmd) => {
    const cfg = config2(cmd);
    const { mute: mute2 } = await Promise.resolve().then(() => (init_mute(), mute_exports));
    done(await underMuteLock(cfg, sys, "the mute was not saved", () => mute2(cfg, sys.now(), target, flags)));
  });
  program2.command("mutes").description("list the active mutes: id, target, until when, by whom, note").action(async (_opts, cmd) => {
    const cfg = config2(cmd);
    const { listMutes: listMutes2 } = await Promise.resolve().then(() => (init_mutes(), mutes_exports));
    done(listMutes2(cfg, sys.now(), io));
  });
  program2.command("unmute").description("end a mute (its id is in the mutes list)").argument("<id>", "the mute id").action(async (id, _opts, cmd) => {
    const cfg = config2(cmd);
    const { unmute: unmute2 } = await Promise.resolve().then(() => (init_unmute(), unmute_exports));
    done(await underMuteLock(cfg, sys, "the mute was not ended", () => unmute2(cfg, sys.now(), id)));
  });
}
var init_mute_commands = __esm({
  "src/cli/mute-commands.ts"() {
    "use strict";
    init_mute_lock();
  }
});

// src/cli/since.ts
function sinceFlag(opts, now) {
  if (opts.since === void 0) return void 0;
  if (opts.resetCursor)
    throw usageError(
      "--since and --reset-cursor do not go together: --since is a one-off backfill that leaves the cursor alone; run --reset-cursor alone, then --since if needed"
    );
  if (opts.flush) throw usageError("--flush and --since do not go together: a backfill bypasses the digest spool");
  const since = parseSince(opts.since, now);
  if (since === void 0)
    throw usageError(
      `--since "${opts.since}" is not a time: use an ISO-8601 timestamp or a duration such as 90m, 6h, 2d`
    );
  if (since > now)
    throw usageError(
      `--since "${opts.since}" is in the future (the device clock says ${summaryTime(now)}): give a past time, or a duration back from now such as 6h; check the clock (NTP) if it is wrong`
    );
  return since;
}
var init_since = __esm({
  "src/cli/since.ts"() {
    "use strict";
    init_values();
    init_errors();
    init_times();
  }
});

// src/core/deadline.ts
var Deadline;
var init_deadline = __esm({
  "src/core/deadline.ts"() {
    "use strict";
    Deadline = class {
      constructor(budgetMs, clock) {
        this.clock = clock;
        this.#end = clock() + budgetMs;
      }
      clock;
      #end;
      /** The run's clock: what mail headers and state records call "now". */
      now() {
        return this.clock();
      }
      remaining() {
        return Math.max(0, this.#end - this.clock());
      }
      expired() {
        return this.remaining() <= 0;
      }
      /** A step timeout: the step's own limit, but never past the deadline (at least 1 ms). */
      cap(stepMs) {
        return Math.max(1, Math.min(stepMs, this.remaining()));
      }
    };
  }
});

// src/health/health-record.ts
function newHealth(now) {
  return { failedRuns: 0, quietSince: now };
}
function loadHealth(stateDir) {
  const file = stateFile.health(stateDir);
  const data = readStateJson(file, healthFile, HEALTH_RESET);
  if (!data) return void 0;
  const time2 = (v) => {
    if (v === null) return void 0;
    const t = Date.parse(v);
    if (!Number.isFinite(t)) throw stateError(`state file ${file} has an invalid time; ${HEALTH_RESET}`);
    return t;
  };
  const h = { failedRuns: data.failedRuns };
  for (const k of TIME_FIELDS) {
    const t = time2(data[k]);
    if (t !== void 0) h[k] = t;
  }
  if (data.lastError)
    h.lastError = {
      kind: data.lastError.kind ?? KIND_OF_EXIT[data.lastError.exitCode] ?? "internal",
      exitCode: data.lastError.exitCode,
      message: data.lastError.message,
      at: time2(data.lastError.at) ?? 0
    };
  return h;
}
function serialize2(h) {
  const time2 = (t) => t === void 0 ? null : new Date(t).toISOString();
  const data = { version: 1 };
  for (const k of TIME_FIELDS) data[k] = time2(h[k]);
  data.failedRuns = h.failedRuns;
  data.lastError = h.lastError ? { ...h.lastError, message: printable(h.lastError.message), at: time2(h.lastError.at) } : null;
  return `${JSON.stringify(data)}
`;
}
function sameHealth(a, b) {
  return b !== void 0 && serialize2(a) === serialize2(b);
}
function saveHealth(stateDir, next, before) {
  if (sameHealth(next, before)) return false;
  writeFileAtomic(stateFile.health(stateDir), serialize2(next), 384);
  return true;
}
function ago(ms) {
  if (ms < 0) return "in the future: check the clock";
  const m = Math.round(ms / 6e4);
  if (m < 120) return `${m} min ago`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}
function describeHealth(stateDir, now) {
  let h;
  try {
    h = loadHealth(stateDir);
  } catch (err) {
    return [`health: FAIL ${err instanceof AppError ? err.message : String(err)}`];
  }
  if (!h) return ["health: no record yet (the first scheduled run writes it)"];
  const when2 = (t) => t === void 0 ? "never" : `${isoSecond(t)} (${ago(now - t)})`;
  const lines = [`health: last successful poll ${when2(h.lastSuccess)}, ${plural(h.failedRuns, "failed run")} in a row`];
  if (h.failedRuns > 0 && h.firstFailure !== void 0)
    lines.push(`health: FAILING since ${isoSecond(h.firstFailure)}`);
  if (h.lastError)
    lines.push(`health: last error ${when2(h.lastError.at)} (exit ${h.lastError.exitCode}): ${h.lastError.message}`);
  if (h.problemMailed !== void 0)
    lines.push(`health: problem mail sent ${when2(h.problemMailed)}; a recovery note follows the first successful run`);
  lines.push(`health: last mail sent ${when2(h.lastMail)}, last heartbeat ${when2(h.lastHeartbeat)}`);
  return lines;
}
var KIND_OF_EXIT, KINDS, fileShape, healthFile, HEALTH_RESET, TIME_FIELDS, isoSecond;
var init_health_record = __esm({
  "src/health/health-record.ts"() {
    "use strict";
    init_mini();
    init_errors();
    init_plural();
    init_printable();
    init_shape();
    init_atomic();
    init_files();
    KIND_OF_EXIT = { 2: "usage", 3: "account", 4: "ise-protocol", 5: "mail", 6: "locked" };
    KINDS = Object.keys(KIND_EXIT);
    fileShape = () => {
      const iso2 = nullable(string2());
      return object({
        version: literal(1),
        lastSuccess: iso2,
        firstFailure: iso2,
        failedRuns: int2(0),
        lastError: nullable(
          object({ kind: optional(_enum(KINDS)), exitCode: int2(), message: string2(), at: string2() })
        ),
        problemMailed: iso2,
        quietSince: iso2,
        lastMail: iso2,
        lastHeartbeat: iso2
      });
    };
    healthFile = checkOf(fileShape);
    HEALTH_RESET = "delete it to reset (it only times the health mails; no RADIUS failure is lost)";
    TIME_FIELDS = [
      "lastSuccess",
      "firstFailure",
      "problemMailed",
      "quietSince",
      "lastMail",
      "lastHeartbeat"
    ];
    isoSecond = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, "Z");
  }
});

// src/core/retry.ts
async function withRetry(fn, deadline, policy) {
  for (let attempt2 = 1; ; attempt2++) {
    const wait = policy.baseDelayMs * 2 ** (attempt2 - 1);
    const more2 = attempt2 < policy.attempts && deadline.remaining() > 2 * wait + 1e3;
    let value;
    try {
      value = await fn();
    } catch (err) {
      if (!more2 || !policy.transient(err)) throw err;
      await sleep2(wait);
      continue;
    }
    if (!more2 || !policy.again?.(value)) return value;
    await policy.discard?.(value);
    await sleep2(wait);
  }
}
var sleep2;
var init_retry = __esm({
  "src/core/retry.ts"() {
    "use strict";
    sleep2 = (ms) => new Promise((r) => setTimeout(r, ms));
  }
});

// src/mail/deferred-rcpt.ts
function refusedFor(info, forNow) {
  const errors = info.rejectedErrors ?? [];
  if (errors.length === 0 && !forNow) return (info.rejected ?? []).map(String);
  const temporary = (e) => (e.responseCode ?? 0) >= 400 && (e.responseCode ?? 0) < 500;
  return errors.filter((e) => temporary(e) === forNow).map((e) => String(e.recipient));
}
async function sendDeferred(cfg, first, send) {
  let pending = refusedFor(first, true);
  let last;
  for (let round2 = 0; pending.length > 0 && round2 < 3; round2++) {
    const before = pending.length;
    try {
      const info = await send(pending);
      last = info.rejectedErrors?.[0];
      pending = refusedFor(info, true);
    } catch (err) {
      last = err;
      break;
    }
    if (pending.length >= before) break;
  }
  if (pending.length === 0) return;
  const e = last ?? first.rejectedErrors?.[0] ?? {};
  const said2 = e.response ? `: server said "${clean(e.response, 200)}"` : "";
  const got = cfg.mail.dest.length - refusedFor(first, true).length - refusedFor(first, false).length;
  throw mailError(
    `mail delivered to ${plural(got, "recipient")}, but the server refused ${pending.join(", ")} for now (${e.responseCode ?? "error"})${said2} past the retries, so the run does not count as delivered (the others get these failures twice): check that mailbox and its mail server (greylisting, a full mailbox), or take it out of MAIL_DEST`,
    last
  );
}
var init_deferred_rcpt = __esm({
  "src/mail/deferred-rcpt.ts"() {
    "use strict";
    init_errors();
    init_plural();
    init_sanitize();
  }
});

// src/mail/message-id.ts
function messageIdDomain(from) {
  const domain = (from ?? "").split("@").pop() ?? "";
  return /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?$/.test(domain) && domain.includes(".") ? domain.toLowerCase() : "ise-to-mail.invalid";
}
function newMessageId(from, now) {
  return `<ise-to-mail.${now.toString(36)}.${(0, import_node_crypto.randomBytes)(8).toString("hex")}@${messageIdDomain(from)}>`;
}
var import_node_crypto;
var init_message_id = __esm({
  "src/mail/message-id.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
  }
});

// src/mail/mime-header.ts
function phrase(name) {
  if (LOOKS_ENCODED.test(name)) return encodedWords(name);
  if (ATOM_PHRASE.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/[\\"]/g, "\\$&")}"`;
  return encodedWords(name);
}
function headerText2(value, used) {
  if (!/^[\x20-\x7e]*$/.test(value) || LOOKS_ENCODED.test(value)) return encodedWords(value);
  let line = used;
  return value.split(" ").map((word, i) => {
    if (i === 0) {
      line += word.length;
      return word;
    }
    const fold2 = line + 1 + word.length > 78 && line > 1;
    line = fold2 ? 1 + word.length : line + 1 + word.length;
    return fold2 ? `${CRLF} ${word}` : ` ${word}`;
  }).join("");
}
function encodedWords(value) {
  const words = [];
  let chunk = "";
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, "utf8") > 30) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join(`${CRLF} `);
}
var CRLF, ATOM_PHRASE, LOOKS_ENCODED;
var init_mime_header = __esm({
  "src/mail/mime-header.ts"() {
    "use strict";
    CRLF = "\r\n";
    ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;
    LOOKS_ENCODED = /=\?/;
  }
});

// src/mail/mime.ts
function buildMime(m) {
  const tag2 = (0, import_node_crypto2.randomBytes)(12).toString("hex");
  const mixed = `----=_ise-to-mail_${tag2}_mixed`;
  const alt = `----=_ise-to-mail_${tag2}_alt`;
  const a = m.attachment;
  const head = [
    ...headerFields(m, mixed),
    "",
    `--${mixed}`,
    `Content-Type: multipart/alternative;${CRLF2} boundary="${alt}"`,
    "",
    `--${alt}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(m.text),
    `--${alt}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(m.html),
    `--${alt}--`,
    "",
    ...a ? attachmentHead(a, mixed) : []
  ].join(CRLF2);
  const before = Buffer.from(head, "utf8");
  const after = Buffer.from(`--${mixed}--${CRLF2}`, "latin1");
  const size = before.length + (a ? base64WireBytes(a.size) : 0) + after.length;
  return {
    size,
    stream: () => import_node_stream.Readable.from(parts(before, a?.stream(), after), { objectMode: false })
  };
}
function headerFields(m, mixed) {
  return [
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    `From: ${phrase(m.from.name)} <${m.from.address}>`,
    `To: ${m.to.join(", ")}`,
    `Subject: ${headerText2(m.subject, "Subject: ".length)}`,
    `Message-ID: ${m.messageId}`,
    `Date: ${new Date(m.date).toUTCString().replace(/GMT$/, "+0000")}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${mixed}"`
  ];
}
function attachmentHead(a, mixed) {
  return [
    `--${mixed}`,
    `Content-Type: ${a.contentType}; name=${a.filename}`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: attachment; filename=${a.filename}`,
    "",
    ""
  ];
}
async function* parts(before, attachment, after) {
  yield before;
  if (attachment) yield* base64Lines(attachment);
  yield after;
}
async function* base64Lines(source) {
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const whole2 = data.length - data.length % LINE_BYTES;
    if (whole2 > 0) yield encodeLines(data, 0, whole2);
    carry = Buffer.from(data.subarray(whole2));
  }
  if (carry.length) yield encodeLines(carry, 0, carry.length);
}
function encodeLines(data, start, end) {
  const text4 = data.toString("base64", start, end);
  const lines = [];
  for (let i = 0; i < text4.length; i += 76) lines.push(text4.slice(i, i + 76));
  return Buffer.from(`${lines.join(CRLF2)}${CRLF2}`, "latin1");
}
function quotedPrintable(text4) {
  if (text4 === "") return "";
  const out = [];
  for (const line of text4.replace(/\r?\n$/, "").split(/\r?\n/)) {
    if (line.length <= 76 && QP_PLAIN.test(line)) out.push(line);
    else out.push(...qpLine(line));
  }
  return /\n$/.test(text4) ? `${out.join(CRLF2)}${CRLF2}` : out.join(CRLF2);
}
function qpLine(line) {
  let enc = line.replace(QP_SPECIAL, (c) => {
    let hex = "";
    for (const b of Buffer.from(c, "utf8")) hex += `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    return hex;
  });
  const last = enc.charCodeAt(enc.length - 1);
  if (last === 32 || last === 9) enc = `${enc.slice(0, -1)}=${last === 32 ? "20" : "09"}`;
  const lines = [];
  let i = 0;
  while (enc.length - i > 76) {
    let end = i + 75;
    if (enc[end - 1] === "=") end -= 1;
    else if (enc[end - 2] === "=") end -= 2;
    lines.push(`${enc.slice(i, end)}=`);
    i = end;
  }
  lines.push(enc.slice(i));
  return lines;
}
function base64WireBytes(raw) {
  const chars = 4 * Math.ceil(raw / 3);
  return chars + 2 * Math.ceil(chars / 76);
}
var import_node_crypto2, import_node_stream, CRLF2, LINE_BYTES, QP_PLAIN, QP_SPECIAL;
var init_mime = __esm({
  "src/mail/mime.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    import_node_stream = require("node:stream");
    init_mime_header();
    CRLF2 = "\r\n";
    LINE_BYTES = 57;
    QP_PLAIN = /^(?:[\t\x20-\x3c\x3e-\x7e]*[\x21-\x3c\x3e-\x7e])?$/;
    QP_SPECIAL = /[^\t\x20-\x3c\x3e-\x7e]/gu;
  }
});

// node_modules/nodemailer/package.json
var require_package = __commonJS({
  "node_modules/nodemailer/package.json"(exports2, module2) {
    module2.exports = {
      name: "nodemailer",
      version: "9.1.1",
      description: "Easy as cake e-mail sending from your Node.js applications",
      main: "lib/nodemailer.js",
      scripts: {
        test: "node --test --test-concurrency=1 $(find test \\( -name '*-test.js' -o -name '*.test.js' \\))",
        "test:coverage": "c8 node --test --test-concurrency=1 $(find test \\( -name '*-test.js' -o -name '*.test.js' \\))",
        format: 'prettier --write "**/*.{js,json,md}"',
        "format:check": 'prettier --check "**/*.{js,json,md}"',
        lint: "eslint .",
        "lint:fix": "eslint . --fix",
        update: "rm -rf node_modules/ package-lock.json && ncu -u && npm install",
        "test:syntax": 'docker run --rm -v "$PWD:/app:ro" -w /app node:6-alpine node test/syntax-compat.js'
      },
      repository: {
        type: "git",
        url: "https://github.com/nodemailer/nodemailer.git"
      },
      keywords: [
        "Nodemailer"
      ],
      author: "Andris Reinman",
      license: "MIT-0",
      bugs: {
        url: "https://github.com/nodemailer/nodemailer/issues"
      },
      homepage: "https://nodemailer.com/",
      devDependencies: {
        "@aws-sdk/client-sesv2": "3.1121.0",
        bunyan: "1.8.15",
        c8: "12.0.0",
        eslint: "10.9.1",
        "eslint-config-prettier": "10.1.8",
        globals: "17.11.0",
        libbase64: "1.3.0",
        libmime: "5.4.2",
        libqp: "2.1.1",
        prettier: "3.9.6",
        proxy: "1.0.2",
        "proxy-test-server": "1.0.0",
        "smtp-server": "3.19.4"
      },
      engines: {
        node: ">=6.0.0"
      }
    };
  }
});

// node_modules/nodemailer/lib/smtp-connection/data-stream.js
var require_data_stream = __commonJS({
  "node_modules/nodemailer/lib/smtp-connection/data-stream.js"(exports2, module2) {
    "use strict";
    var { Transform } = require("stream");
    var DataStream = class extends Transform {
      constructor(options) {
        super(options);
        this.options = options || {};
        this.inByteCount = 0;
        this.outByteCount = 0;
        this.lastByte = false;
      }
      /**
       * Escapes dots
       */
      _transform(chunk, encoding, done) {
        const chunks = [];
        let chunklen = 0;
        let i, len, lastPos = 0;
        let buf;
        if (!chunk || !chunk.length) {
          return done();
        }
        if (typeof chunk === "string") {
          chunk = Buffer.from(chunk);
        }
        this.inByteCount += chunk.length;
        for (i = 0, len = chunk.length; i < len; i++) {
          if (chunk[i] === 46) {
            if (i && chunk[i - 1] === 10 || !i && (!this.lastByte || this.lastByte === 10)) {
              buf = chunk.slice(lastPos, i + 1);
              chunks.push(buf);
              chunks.push(Buffer.from("."));
              chunklen += buf.length + 1;
              lastPos = i + 1;
            }
          } else if (chunk[i] === 10) {
            if (i && chunk[i - 1] !== 13 || !i && this.lastByte !== 13) {
              if (i > lastPos) {
                buf = chunk.slice(lastPos, i);
                chunks.push(buf);
                chunklen += buf.length + 2;
              } else {
                chunklen += 2;
              }
              chunks.push(Buffer.from("\r\n"));
              lastPos = i + 1;
            }
          }
        }
        if (chunklen) {
          if (lastPos < chunk.length) {
            buf = chunk.slice(lastPos);
            chunks.push(buf);
            chunklen += buf.length;
          }
          this.outByteCount += chunklen;
          this.push(Buffer.concat(chunks, chunklen));
        } else {
          this.outByteCount += chunk.length;
          this.push(chunk);
        }
        this.lastByte = chunk[chunk.length - 1];
        done();
      }
      /**
       * Finalizes the stream with a dot on a single line
       */
      _flush(done) {
        let buf;
        if (this.lastByte === 10) {
          buf = Buffer.from(".\r\n");
        } else if (this.lastByte === 13) {
          buf = Buffer.from("\n.\r\n");
        } else {
          buf = Buffer.from("\r\n.\r\n");
        }
        this.outByteCount += buf.length;
        this.push(buf);
        done();
      }
    };
    module2.exports = DataStream;
  }
});

// node_modules/nodemailer/lib/punycode/index.js
var require_punycode = __commonJS({
  "node_modules/nodemailer/lib/punycode/index.js"(exports2, module2) {
    "use strict";
    var maxInt = 2147483647;
    var base = 36;
    var tMin = 1;
    var tMax = 26;
    var skew = 38;
    var damp = 700;
    var initialBias = 72;
    var initialN = 128;
    var delimiter = "-";
    var regexPunycode = /^xn--/;
    var regexNonASCII = /[^\0-\x7F]/;
    var regexSeparators = /[\x2E\u3002\uFF0E\uFF61]/g;
    var errors = {
      overflow: "Overflow: input needs wider integers to process",
      "not-basic": "Illegal input >= 0x80 (not a basic code point)",
      "invalid-input": "Invalid input"
    };
    var baseMinusTMin = base - tMin;
    var floor = Math.floor;
    var stringFromCharCode = String.fromCharCode;
    function error(type) {
      throw new RangeError(errors[type]);
    }
    function map(array2, callback) {
      const result = [];
      let length = array2.length;
      while (length--) {
        result[length] = callback(array2[length]);
      }
      return result;
    }
    function mapDomain(domain, callback) {
      const parts2 = domain.split("@");
      let result = "";
      if (parts2.length > 1) {
        result = parts2[0] + "@";
        domain = parts2[1];
      }
      domain = domain.replace(regexSeparators, ".");
      const labels = domain.split(".");
      const encoded = map(labels, callback).join(".");
      return result + encoded;
    }
    function ucs2decode(string3) {
      const output = [];
      let counter = 0;
      const length = string3.length;
      while (counter < length) {
        const value = string3.charCodeAt(counter++);
        if (value >= 55296 && value <= 56319 && counter < length) {
          const extra = string3.charCodeAt(counter++);
          if ((extra & 64512) == 56320) {
            output.push(((value & 1023) << 10) + (extra & 1023) + 65536);
          } else {
            output.push(value);
            counter--;
          }
        } else {
          output.push(value);
        }
      }
      return output;
    }
    var ucs2encode = (codePoints) => String.fromCodePoint(...codePoints);
    var basicToDigit = function(codePoint) {
      if (codePoint >= 48 && codePoint < 58) {
        return 26 + (codePoint - 48);
      }
      if (codePoint >= 65 && codePoint < 91) {
        return codePoint - 65;
      }
      if (codePoint >= 97 && codePoint < 123) {
        return codePoint - 97;
      }
      return base;
    };
    var digitToBasic = function(digit, flag) {
      return digit + 22 + 75 * (digit < 26) - ((flag != 0) << 5);
    };
    var adapt = function(delta, numPoints, firstTime) {
      let k = 0;
      delta = firstTime ? floor(delta / damp) : delta >> 1;
      delta += floor(delta / numPoints);
      for (
        ;
        /* no initialization */
        delta > baseMinusTMin * tMax >> 1;
        k += base
      ) {
        delta = floor(delta / baseMinusTMin);
      }
      return floor(k + (baseMinusTMin + 1) * delta / (delta + skew));
    };
    var decode2 = function(input) {
      const output = [];
      const inputLength = input.length;
      let i = 0;
      let n = initialN;
      let bias = initialBias;
      let basic = input.lastIndexOf(delimiter);
      if (basic < 0) {
        basic = 0;
      }
      for (let j = 0; j < basic; ++j) {
        if (input.charCodeAt(j) >= 128) {
          error("not-basic");
        }
        output.push(input.charCodeAt(j));
      }
      for (let index = basic > 0 ? basic + 1 : 0; index < inputLength; ) {
        const oldi = i;
        for (let w = 1, k = base; ; k += base) {
          if (index >= inputLength) {
            error("invalid-input");
          }
          const digit = basicToDigit(input.charCodeAt(index++));
          if (digit >= base) {
            error("invalid-input");
          }
          if (digit > floor((maxInt - i) / w)) {
            error("overflow");
          }
          i += digit * w;
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (digit < t) {
            break;
          }
          const baseMinusT = base - t;
          if (w > floor(maxInt / baseMinusT)) {
            error("overflow");
          }
          w *= baseMinusT;
        }
        const out = output.length + 1;
        bias = adapt(i - oldi, out, oldi == 0);
        if (floor(i / out) > maxInt - n) {
          error("overflow");
        }
        n += floor(i / out);
        i %= out;
        output.splice(i++, 0, n);
      }
      return String.fromCodePoint(...output);
    };
    var encode2 = function(input) {
      const output = [];
      input = ucs2decode(input);
      const inputLength = input.length;
      let n = initialN;
      let delta = 0;
      let bias = initialBias;
      for (const currentValue of input) {
        if (currentValue < 128) {
          output.push(stringFromCharCode(currentValue));
        }
      }
      const basicLength = output.length;
      let handledCPCount = basicLength;
      if (basicLength) {
        output.push(delimiter);
      }
      while (handledCPCount < inputLength) {
        let m = maxInt;
        for (const currentValue of input) {
          if (currentValue >= n && currentValue < m) {
            m = currentValue;
          }
        }
        const handledCPCountPlusOne = handledCPCount + 1;
        if (m - n > floor((maxInt - delta) / handledCPCountPlusOne)) {
          error("overflow");
        }
        delta += (m - n) * handledCPCountPlusOne;
        n = m;
        for (const currentValue of input) {
          if (currentValue < n && ++delta > maxInt) {
            error("overflow");
          }
          if (currentValue === n) {
            let q = delta;
            for (let k = base; ; k += base) {
              const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
              if (q < t) {
                break;
              }
              const qMinusT = q - t;
              const baseMinusT = base - t;
              output.push(stringFromCharCode(digitToBasic(t + qMinusT % baseMinusT, 0)));
              q = floor(qMinusT / baseMinusT);
            }
            output.push(stringFromCharCode(digitToBasic(q, 0)));
            bias = adapt(delta, handledCPCountPlusOne, handledCPCount === basicLength);
            delta = 0;
            ++handledCPCount;
          }
        }
        ++delta;
        ++n;
      }
      return output.join("");
    };
    var toUnicode = function(input) {
      return mapDomain(input, function(string3) {
        return regexPunycode.test(string3) ? decode2(string3.slice(4).toLowerCase()) : string3;
      });
    };
    var toASCII = function(input) {
      return mapDomain(input, function(string3) {
        return regexNonASCII.test(string3) ? "xn--" + encode2(string3) : string3;
      });
    };
    var punycode = {
      /**
       * A string representing the current Punycode.js version number.
       * @memberOf punycode
       * @type String
       */
      version: "2.3.1",
      /**
       * An object of methods to convert from JavaScript's internal character
       * representation (UCS-2) to Unicode code points, and back.
       * @see <https://mathiasbynens.be/notes/javascript-encoding>
       * @memberOf punycode
       * @type Object
       */
      ucs2: {
        decode: ucs2decode,
        encode: ucs2encode
      },
      decode: decode2,
      encode: encode2,
      toASCII,
      toUnicode
    };
    module2.exports = punycode;
  }
});

// node_modules/nodemailer/lib/shared/url.js
var require_url = __commonJS({
  "node_modules/nodemailer/lib/shared/url.js"(exports2, module2) {
    "use strict";
    var urllib = require("url");
    var punycode = require_punycode();
    var URLImpl = typeof URL !== "undefined" && URL || urllib.URL;
    var SLASHLESS_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?!\/\/)(.+)$/;
    function safeDecode2(str2) {
      try {
        return decodeURIComponent(str2);
      } catch (_err) {
        return str2;
      }
    }
    function normalizeHostname(raw) {
      let hostname = raw || "";
      if (!hostname) {
        return "";
      }
      if (hostname.charAt(0) === "[" && hostname.charAt(hostname.length - 1) === "]") {
        return hostname.slice(1, -1);
      }
      return punycode.toASCII(safeDecode2(hostname));
    }
    module2.exports.parse = (input, parseQueryString) => {
      input = input || "";
      if (!URLImpl) {
        return urllib.parse(input, parseQueryString);
      }
      const slashless = SLASHLESS_AUTHORITY.exec(input);
      const normalized = slashless ? slashless[1] + "//" + slashless[2] : input;
      let u;
      try {
        u = new URLImpl(normalized);
      } catch (_err) {
        return urllib.parse(input, parseQueryString);
      }
      const hostname = normalizeHostname(u.hostname);
      const port2 = u.port || null;
      const pathname = u.pathname || null;
      const search = u.search || null;
      let auth = null;
      if (u.username || u.password) {
        auth = safeDecode2(u.username) + (u.password ? ":" + safeDecode2(u.password) : "");
      }
      let query;
      if (parseQueryString) {
        query = /* @__PURE__ */ Object.create(null);
        u.searchParams.forEach((value, key) => {
          if (Object.prototype.hasOwnProperty.call(query, key)) {
            if (Array.isArray(query[key])) {
              query[key].push(value);
            } else {
              query[key] = [query[key], value];
            }
          } else {
            query[key] = value;
          }
        });
      } else {
        query = search ? search.slice(1) : null;
      }
      return {
        protocol: u.protocol || null,
        host: u.host || null,
        hostname,
        port: port2,
        pathname,
        search,
        path: (pathname || "") + (search || "") || null,
        href: u.href,
        auth,
        query
      };
    };
    module2.exports.resolve = (from, to) => {
      if (!URLImpl) {
        return urllib.resolve(from, to);
      }
      try {
        return new URLImpl(to, from).href;
      } catch (_err) {
        return urllib.resolve(from, to);
      }
    };
  }
});

// node_modules/nodemailer/lib/fetch/cookies.js
var require_cookies = __commonJS({
  "node_modules/nodemailer/lib/fetch/cookies.js"(exports2, module2) {
    "use strict";
    var urllib = require_url();
    var SESSION_TIMEOUT = 1800;
    var Cookies = class {
      constructor(options) {
        this.options = options || {};
        this.cookies = [];
      }
      /**
       * Stores a cookie string to the cookie storage
       *
       * @param {String} cookieStr Value from the 'Set-Cookie:' header
       * @param {String} url Current URL
       */
      set(cookieStr, url) {
        const urlparts = urllib.parse(url || "");
        const cookie = this.parse(cookieStr);
        let domain;
        if (cookie.domain) {
          domain = cookie.domain.replace(/^\./, "");
          if (
            // can't be valid if the requested domain is shorter than current hostname
            urlparts.hostname.length < domain.length || // prefix domains with dot to be sure that partial matches are not used
            ("." + urlparts.hostname).substr(-domain.length + 1) !== "." + domain
          ) {
            cookie.domain = urlparts.hostname;
          }
        } else {
          cookie.domain = urlparts.hostname;
        }
        if (!cookie.path) {
          cookie.path = this.getPath(urlparts.pathname);
        }
        if (!cookie.expires) {
          cookie.expires = new Date(Date.now() + (Number(this.options.sessionTimeout || SESSION_TIMEOUT) || SESSION_TIMEOUT) * 1e3);
        }
        return this.add(cookie);
      }
      /**
       * Returns cookie string for the 'Cookie:' header.
       *
       * @param {String} url URL to check for
       * @returns {String} Cookie header or empty string if no matches were found
       */
      get(url) {
        return this.list(url).map((cookie) => cookie.name + "=" + cookie.value).join("; ");
      }
      /**
       * Lists all valied cookie objects for the specified URL
       *
       * @param {String} url URL to check for
       * @returns {Array} An array of cookie objects
       */
      list(url) {
        const result = [];
        for (let i = this.cookies.length - 1; i >= 0; i--) {
          const cookie = this.cookies[i];
          if (this.isExpired(cookie)) {
            this.cookies.splice(i, 1);
            continue;
          }
          if (this.match(cookie, url)) {
            result.unshift(cookie);
          }
        }
        return result;
      }
      /**
       * Parses cookie string from the 'Set-Cookie:' header
       *
       * @param {String} cookieStr String from the 'Set-Cookie:' header
       * @returns {Object} Cookie object
       */
      parse(cookieStr) {
        const cookie = {};
        (cookieStr || "").toString().split(";").forEach((cookiePart) => {
          const valueParts = cookiePart.split("=");
          const key = valueParts.shift().trim().toLowerCase();
          let value = valueParts.join("=").trim();
          let domain;
          if (!key) {
            return;
          }
          switch (key) {
            case "expires":
              value = new Date(value);
              if (value.toString() !== "Invalid Date") {
                cookie.expires = value;
              }
              break;
            case "path":
              cookie.path = value;
              break;
            case "domain":
              domain = value.toLowerCase();
              if (domain.length && domain.charAt(0) !== ".") {
                domain = "." + domain;
              }
              cookie.domain = domain;
              break;
            case "max-age":
              cookie.expires = new Date(Date.now() + (Number(value) || 0) * 1e3);
              break;
            case "secure":
              cookie.secure = true;
              break;
            case "httponly":
              cookie.httponly = true;
              break;
            default:
              if (!cookie.name) {
                cookie.name = key;
                cookie.value = value;
              }
          }
        });
        return cookie;
      }
      /**
       * Checks if a cookie object is valid for a specified URL
       *
       * @param {Object} cookie Cookie object
       * @param {String} url URL to check for
       * @returns {Boolean} true if cookie is valid for specifiec URL
       */
      match(cookie, url) {
        const urlparts = urllib.parse(url || "");
        if (urlparts.hostname !== cookie.domain && (cookie.domain.charAt(0) !== "." || ("." + urlparts.hostname).substr(-cookie.domain.length) !== cookie.domain)) {
          return false;
        }
        const path = this.getPath(urlparts.pathname);
        if (path.substr(0, cookie.path.length) !== cookie.path) {
          return false;
        }
        if (cookie.secure && urlparts.protocol !== "https:") {
          return false;
        }
        return true;
      }
      /**
       * Adds (or updates/removes if needed) a cookie object to the cookie storage
       *
       * @param {Object} cookie Cookie value to be stored
       */
      add(cookie) {
        if (!cookie || !cookie.name) {
          return false;
        }
        for (let i = 0, len = this.cookies.length; i < len; i++) {
          if (this.compare(this.cookies[i], cookie)) {
            if (this.isExpired(cookie)) {
              this.cookies.splice(i, 1);
              return false;
            }
            this.cookies[i] = cookie;
            return true;
          }
        }
        if (!this.isExpired(cookie)) {
          this.cookies.push(cookie);
        }
        return true;
      }
      /**
       * Checks if two cookie objects are the same
       *
       * @param {Object} a Cookie to check against
       * @param {Object} b Cookie to check against
       * @returns {Boolean} True, if the cookies are the same
       */
      compare(a, b) {
        return a.name === b.name && a.path === b.path && a.domain === b.domain && a.secure === b.secure && a.httponly === b.httponly;
      }
      /**
       * Checks if a cookie is expired
       *
       * @param {Object} cookie Cookie object to check against
       * @returns {Boolean} True, if the cookie is expired
       */
      isExpired(cookie) {
        return cookie.expires && cookie.expires < /* @__PURE__ */ new Date() || !cookie.value;
      }
      /**
       * Returns normalized cookie path for an URL path argument
       *
       * @param {String} pathname
       * @returns {String} Normalized path
       */
      getPath(pathname) {
        let path = (pathname || "/").split("/");
        path.pop();
        path = path.join("/").trim();
        if (path.charAt(0) !== "/") {
          path = "/" + path;
        }
        if (path.substr(-1) !== "/") {
          path += "/";
        }
        return path;
      }
    };
    module2.exports = Cookies;
  }
});

// node_modules/nodemailer/lib/errors.js
var require_errors = __commonJS({
  "node_modules/nodemailer/lib/errors.js"(exports2, module2) {
    "use strict";
    var ERROR_CODES = {
      // Connection errors
      ECONNECTION: "Connection closed unexpectedly",
      ETIMEDOUT: "Connection or operation timed out",
      ESOCKET: "Socket-level error",
      EDNS: "DNS resolution failed",
      // TLS/Security errors
      ETLS: "TLS handshake or STARTTLS failed",
      EREQUIRETLS: "REQUIRETLS not supported by server (RFC 8689)",
      // Protocol errors
      EPROTOCOL: "Invalid SMTP server response",
      EENVELOPE: "Invalid mail envelope (sender or recipients)",
      EMESSAGE: "Message delivery error",
      ESTREAM: "Stream processing error",
      // Authentication errors
      EAUTH: "Authentication failed",
      ENOAUTH: "Authentication credentials not provided",
      EOAUTH2: "OAuth2 token generation or refresh error",
      // Resource errors
      EMAXLIMIT: "Pool resource limit reached (max messages per connection)",
      EMAXRECIPIENTS: "Recipient count exceeds maxRecipients",
      // Transport-specific errors
      ESENDMAIL: "Sendmail command error",
      ESES: "AWS SES transport error",
      // Configuration and access errors
      ECONFIG: "Invalid configuration",
      EPROXY: "Proxy connection error",
      EFILEACCESS: "File access rejected (disableFileAccess is set)",
      EURLACCESS: "URL access rejected (disableUrlAccess is set)",
      EFETCH: "HTTP fetch error"
    };
    module2.exports = { ERROR_CODES };
    for (const code3 of Object.keys(ERROR_CODES)) {
      module2.exports[code3] = code3;
    }
  }
});

// node_modules/nodemailer/lib/shared/objects.js
var require_objects = __commonJS({
  "node_modules/nodemailer/lib/shared/objects.js"(exports2, module2) {
    "use strict";
    module2.exports.isProtoKey = (key) => key === "__proto__";
    module2.exports.copyOwnKeys = (target, source, skip) => {
      Object.keys(source || {}).forEach((key) => {
        if (module2.exports.isProtoKey(key) || skip && skip(key)) {
          return;
        }
        target[key] = source[key];
      });
      return target;
    };
  }
});

// node_modules/nodemailer/lib/fetch/index.js
var require_fetch = __commonJS({
  "node_modules/nodemailer/lib/fetch/index.js"(exports2, module2) {
    "use strict";
    var http = require("http");
    var https = require("https");
    var urllib = require_url();
    var zlib2 = require("zlib");
    var { PassThrough } = require("stream");
    var Cookies = require_cookies();
    var packageData = require_package();
    var net = require("net");
    var errors = require_errors();
    var { isProtoKey } = require_objects();
    var MAX_REDIRECTS = 5;
    var TLS_OPTION_KEYS = [
      "ALPNProtocols",
      "ca",
      "cert",
      "checkServerIdentity",
      "ciphers",
      "crl",
      "dhparam",
      "ecdhCurve",
      "honorCipherOrder",
      "key",
      "maxVersion",
      "minVersion",
      "passphrase",
      "pfx",
      "rejectUnauthorized",
      "secureContext",
      "secureOptions",
      "secureProtocol",
      "servername",
      "sessionIdContext",
      "sigalgs"
    ];
    function parseFetchUrl(url) {
      let parsed;
      try {
        parsed = urllib.parse(url);
      } catch (_err) {
        return false;
      }
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        return false;
      }
      return parsed;
    }
    module2.exports = function(url, options) {
      return nmfetch(url, options);
    };
    module2.exports.Cookies = Cookies;
    function nmfetch(url, options) {
      options = options || {};
      options.fetchRes = options.fetchRes || new PassThrough();
      options.cookies = options.cookies || new Cookies();
      options.redirects = options.redirects || 0;
      options.maxRedirects = isNaN(options.maxRedirects) ? MAX_REDIRECTS : options.maxRedirects;
      const fetchRes = options.fetchRes;
      const parsed = parseFetchUrl(url);
      if (!parsed) {
        if (options.body && typeof options.body.destroy === "function") {
          options.body.on("error", () => false);
          options.body.destroy();
        }
        setImmediate(() => {
          const err = new Error("Unsupported protocol for URL " + url);
          err.code = errors.EFETCH;
          err.sourceUrl = url;
          fetchRes.emit("error", err);
        });
        return fetchRes;
      }
      if (options.cookie) {
        [].concat(options.cookie || []).forEach((cookie) => {
          options.cookies.set(cookie, url);
        });
        options.cookie = false;
      }
      let method = (options.method || "").toString().trim().toUpperCase() || "GET";
      let finished2 = false;
      let cookies;
      let body;
      const handler = parsed.protocol === "https:" ? https : http;
      const headers = {
        "accept-encoding": "gzip,deflate",
        "user-agent": "nodemailer/" + packageData.version
      };
      Object.keys(options.headers || {}).forEach((key) => {
        if (isProtoKey(key.toLowerCase().trim())) {
          return;
        }
        headers[key.toLowerCase().trim()] = options.headers[key];
      });
      if (options.userAgent) {
        headers["user-agent"] = options.userAgent;
      }
      if (parsed.auth) {
        headers.Authorization = "Basic " + Buffer.from(parsed.auth).toString("base64");
      }
      if (cookies = options.cookies.get(url)) {
        headers.cookie = cookies;
      }
      if (options.body) {
        if (options.contentType !== false) {
          headers["Content-Type"] = options.contentType || "application/x-www-form-urlencoded";
        }
        if (typeof options.body.pipe === "function") {
          headers["Transfer-Encoding"] = "chunked";
          body = options.body;
          body.on("error", (err) => {
            if (finished2) {
              return;
            }
            finished2 = true;
            err.code = errors.EFETCH;
            err.sourceUrl = url;
            fetchRes.emit("error", err);
          });
        } else {
          if (options.body instanceof Buffer) {
            body = options.body;
          } else if (typeof options.body === "object") {
            try {
              body = Buffer.from(
                Object.keys(options.body).map((key) => {
                  const value = options.body[key].toString().trim();
                  return encodeURIComponent(key) + "=" + encodeURIComponent(value);
                }).join("&")
              );
            } catch (E) {
              if (finished2) {
                return;
              }
              finished2 = true;
              E.code = errors.EFETCH;
              E.sourceUrl = url;
              fetchRes.emit("error", E);
              return;
            }
          } else {
            body = Buffer.from(options.body.toString().trim());
          }
          headers["Content-Type"] = options.contentType || "application/x-www-form-urlencoded";
          headers["Content-Length"] = body.length;
        }
        method = (options.method || "").toString().trim().toUpperCase() || "POST";
      }
      let req;
      const reqOptions = {
        method,
        host: parsed.hostname,
        path: parsed.path,
        port: parsed.port ? parsed.port : parsed.protocol === "https:" ? 443 : 80,
        headers,
        // Validate TLS certificates by default. Callers that genuinely need to
        // reach a self-signed/internal host opt out explicitly with
        // options.tls = { rejectUnauthorized: false }.
        rejectUnauthorized: true,
        agent: false
      };
      if (options.tls) {
        Object.keys(options.tls).forEach((key) => {
          if (TLS_OPTION_KEYS.includes(key)) {
            reqOptions[key] = options.tls[key];
          }
        });
      }
      if (parsed.protocol === "https:" && parsed.hostname && parsed.hostname !== reqOptions.host && !net.isIP(parsed.hostname) && !reqOptions.servername) {
        reqOptions.servername = parsed.hostname;
      }
      try {
        req = handler.request(reqOptions);
      } catch (E) {
        finished2 = true;
        setImmediate(() => {
          E.code = errors.EFETCH;
          E.sourceUrl = url;
          fetchRes.emit("error", E);
        });
        return fetchRes;
      }
      if (options.timeout) {
        req.setTimeout(options.timeout, () => {
          if (finished2) {
            return;
          }
          finished2 = true;
          req.abort();
          const err = new Error("Request Timeout");
          err.code = errors.EFETCH;
          err.sourceUrl = url;
          fetchRes.emit("error", err);
        });
      }
      req.on("error", (err) => {
        if (finished2) {
          return;
        }
        finished2 = true;
        err.code = errors.EFETCH;
        err.sourceUrl = url;
        fetchRes.emit("error", err);
      });
      req.on("response", (res) => {
        let inflate;
        if (finished2) {
          return;
        }
        switch (res.headers["content-encoding"]) {
          case "gzip":
          case "deflate":
            inflate = zlib2.createUnzip();
            break;
        }
        if (res.headers["set-cookie"]) {
          [].concat(res.headers["set-cookie"] || []).forEach((cookie) => {
            options.cookies.set(cookie, url);
          });
        }
        if ([301, 302, 303, 307, 308].includes(res.statusCode) && res.headers.location) {
          options.redirects++;
          if (options.redirects > options.maxRedirects) {
            finished2 = true;
            const err = new Error("Maximum redirect count exceeded");
            err.code = errors.EFETCH;
            err.sourceUrl = url;
            fetchRes.emit("error", err);
            req.abort();
            return;
          }
          options.method = "GET";
          options.body = false;
          let redirectUrl;
          try {
            redirectUrl = urllib.resolve(url, res.headers.location);
          } catch (_err) {
            redirectUrl = res.headers.location;
          }
          const redirectParsed = parseFetchUrl(redirectUrl);
          if (!redirectParsed) {
            finished2 = true;
            const err = new Error("Unsupported protocol for URL " + redirectUrl);
            err.code = errors.EFETCH;
            err.sourceUrl = redirectUrl;
            fetchRes.emit("error", err);
            req.abort();
            return;
          }
          const crossHost = redirectParsed.hostname !== parsed.hostname;
          const downgrade = parsed.protocol === "https:" && redirectParsed.protocol === "http:";
          if (options.headers && (crossHost || downgrade)) {
            const sensitive = ["authorization", "cookie", "proxy-authorization"];
            Object.keys(options.headers).forEach((key) => {
              if (sensitive.includes(key.toLowerCase())) {
                delete options.headers[key];
              }
            });
          }
          return nmfetch(redirectUrl, options);
        }
        fetchRes.statusCode = res.statusCode;
        fetchRes.headers = res.headers;
        if (res.statusCode >= 300 && !options.allowErrorResponse) {
          finished2 = true;
          const err = new Error("Invalid status code " + res.statusCode);
          err.code = errors.EFETCH;
          err.sourceUrl = url;
          fetchRes.emit("error", err);
          req.abort();
          return;
        }
        res.on("error", (err) => {
          if (finished2) {
            return;
          }
          finished2 = true;
          err.code = errors.EFETCH;
          err.sourceUrl = url;
          fetchRes.emit("error", err);
          req.abort();
        });
        if (inflate) {
          res.pipe(inflate).pipe(fetchRes);
          inflate.on("error", (err) => {
            if (finished2) {
              return;
            }
            finished2 = true;
            err.code = errors.EFETCH;
            err.sourceUrl = url;
            fetchRes.emit("error", err);
            req.abort();
          });
        } else {
          res.pipe(fetchRes);
        }
      });
      setImmediate(() => {
        if (body) {
          try {
            if (typeof body.pipe === "function") {
              return body.pipe(req);
            }
            req.write(body);
          } catch (err) {
            finished2 = true;
            err.code = errors.EFETCH;
            err.sourceUrl = url;
            fetchRes.emit("error", err);
            return;
          }
        }
        req.end();
      });
      return fetchRes;
    }
  }
});

// node_modules/nodemailer/lib/shared/index.js
var require_shared = __commonJS({
  "node_modules/nodemailer/lib/shared/index.js"(exports2, module2) {
    "use strict";
    var urllib = require_url();
    var util = require("util");
    var fs = require("fs");
    var nmfetch = require_fetch();
    var errors = require_errors();
    var objects = require_objects();
    var dns = require("dns");
    var net = require("net");
    var os = require("os");
    var isProtoKey = module2.exports.isProtoKey = objects.isProtoKey;
    module2.exports.copyOwnKeys = objects.copyOwnKeys;
    var DNS_TTL = 5 * 60 * 1e3;
    var CACHE_CLEANUP_INTERVAL = 30 * 1e3;
    var MAX_CACHE_SIZE = 1e3;
    var lastCacheCleanup = 0;
    module2.exports._lastCacheCleanup = () => lastCacheCleanup;
    module2.exports._resetCacheCleanup = () => {
      lastCacheCleanup = 0;
    };
    var networkInterfaces;
    try {
      networkInterfaces = os.networkInterfaces();
    } catch (_err) {
    }
    module2.exports.networkInterfaces = networkInterfaces;
    var isFamilySupported = (family, allowInternal) => {
      const ifaces = module2.exports.networkInterfaces;
      if (!ifaces) {
        return true;
      }
      return Object.keys(ifaces).map((key) => ifaces[key]).reduce((acc, val) => acc.concat(val), []).filter((i) => !i.internal || allowInternal).some((i) => i.family === "IPv" + family || i.family === family);
    };
    var resolve3 = (family, hostname, options, callback) => {
      options = options || {};
      if (!isFamilySupported(family, options.allowInternalNetworkInterfaces)) {
        return callback(null, []);
      }
      const dnsResolver = dns.Resolver ? new dns.Resolver(options) : dns;
      dnsResolver["resolve" + family](hostname, (err, addresses) => {
        if (err) {
          switch (err.code) {
            case dns.NODATA:
            case dns.NOTFOUND:
            case dns.NOTIMP:
            case dns.SERVFAIL:
            case dns.CONNREFUSED:
            case dns.REFUSED:
            case "EAI_AGAIN":
              return callback(null, []);
          }
          return callback(err);
        }
        return callback(null, Array.isArray(addresses) ? addresses : [].concat(addresses || []));
      });
    };
    var dnsCache = module2.exports.dnsCache = /* @__PURE__ */ new Map();
    var formatDNSValue = (value, extra) => {
      if (!value) {
        return Object.assign({}, extra || {});
      }
      const addresses = value.addresses || [];
      const host = addresses.length > 0 ? addresses[Math.floor(Math.random() * addresses.length)] : null;
      return Object.assign(
        {
          servername: value.servername,
          host,
          // Include all addresses for connection fallback support
          _addresses: addresses
        },
        extra || {}
      );
    };
    module2.exports.resolveHostname = (options, callback) => {
      options = options || {};
      if (!options.host && options.servername) {
        options.host = options.servername;
      }
      if (!options.host || net.isIP(options.host)) {
        const value = {
          addresses: [options.host],
          servername: options.servername || false
        };
        return callback(
          null,
          formatDNSValue(value, {
            cached: false
          })
        );
      }
      let cached3;
      if (dnsCache.has(options.host)) {
        cached3 = dnsCache.get(options.host);
        const now = Date.now();
        if (now - lastCacheCleanup > CACHE_CLEANUP_INTERVAL) {
          lastCacheCleanup = now;
          for (const [host, entry] of dnsCache.entries()) {
            if (entry.expires && entry.expires < now) {
              dnsCache.delete(host);
            }
          }
          if (dnsCache.size > MAX_CACHE_SIZE) {
            const toDelete = Math.floor(MAX_CACHE_SIZE * 0.1);
            const keys = Array.from(dnsCache.keys()).slice(0, toDelete);
            keys.forEach((key) => dnsCache.delete(key));
          }
        }
        if (!cached3.expires || cached3.expires >= now) {
          return callback(
            null,
            formatDNSValue(cached3.value, {
              cached: true
            })
          );
        }
      }
      let ipv4Addresses = [];
      let ipv6Addresses = [];
      let ipv4Error = null;
      let ipv6Error = null;
      resolve3(4, options.host, options, (err, addresses) => {
        if (err) {
          ipv4Error = err;
        } else {
          ipv4Addresses = addresses || [];
        }
        resolve3(6, options.host, options, (err2, addresses2) => {
          if (err2) {
            ipv6Error = err2;
          } else {
            ipv6Addresses = addresses2 || [];
          }
          const allAddresses = ipv4Addresses.concat(ipv6Addresses);
          if (allAddresses.length) {
            const value = {
              addresses: allAddresses,
              servername: options.servername || options.host
            };
            dnsCache.set(options.host, {
              value,
              expires: Date.now() + (options.dnsTtl || DNS_TTL)
            });
            return callback(
              null,
              formatDNSValue(value, {
                cached: false
              })
            );
          }
          if (ipv4Error && ipv6Error) {
            if (cached3) {
              dnsCache.set(options.host, {
                value: cached3.value,
                expires: Date.now() + (options.dnsTtl || DNS_TTL)
              });
              return callback(
                null,
                formatDNSValue(cached3.value, {
                  cached: true,
                  error: ipv4Error
                })
              );
            }
          }
          try {
            dns.lookup(options.host, { all: true }, (err3, addresses3) => {
              if (err3) {
                if (cached3) {
                  dnsCache.set(options.host, {
                    value: cached3.value,
                    expires: Date.now() + (options.dnsTtl || DNS_TTL)
                  });
                  return callback(
                    null,
                    formatDNSValue(cached3.value, {
                      cached: true,
                      error: err3
                    })
                  );
                }
                return callback(err3);
              }
              const supportedAddresses = addresses3 ? addresses3.filter((addr) => isFamilySupported(addr.family)).map((addr) => addr.address) : [];
              if (addresses3 && addresses3.length && !supportedAddresses.length) {
                console.warn(`Failed to resolve IPv${addresses3[0].family} addresses with current network`);
              }
              if (!supportedAddresses.length && cached3) {
                return callback(
                  null,
                  formatDNSValue(cached3.value, {
                    cached: true
                  })
                );
              }
              const value = {
                addresses: supportedAddresses.length ? supportedAddresses : [options.host],
                servername: options.servername || options.host
              };
              dnsCache.set(options.host, {
                value,
                expires: Date.now() + (options.dnsTtl || DNS_TTL)
              });
              return callback(
                null,
                formatDNSValue(value, {
                  cached: false
                })
              );
            });
          } catch (lookupErr) {
            if (cached3) {
              dnsCache.set(options.host, {
                value: cached3.value,
                expires: Date.now() + (options.dnsTtl || DNS_TTL)
              });
              return callback(
                null,
                formatDNSValue(cached3.value, {
                  cached: true,
                  error: lookupErr
                })
              );
            }
            return callback(ipv4Error || ipv6Error || lookupErr);
          }
        });
      });
    };
    module2.exports.parseConnectionUrl = (str2) => {
      str2 = str2 || "";
      const options = {};
      const url = urllib.parse(str2, true);
      switch (url.protocol) {
        case "smtp:":
          options.secure = false;
          break;
        case "smtps:":
          options.secure = true;
          break;
        case "direct:":
          options.direct = true;
          break;
      }
      if (!isNaN(url.port) && Number(url.port)) {
        options.port = Number(url.port);
      }
      if (url.hostname) {
        options.host = url.hostname;
      }
      if (url.auth) {
        const auth = url.auth.split(":");
        options.auth = {
          user: auth.shift(),
          pass: auth.join(":")
        };
      }
      Object.keys(url.query || {}).forEach((key) => {
        let obj = options;
        let lKey = key;
        let value = url.query[key];
        if (!isNaN(value)) {
          value = Number(value);
        }
        switch (value) {
          case "true":
            value = true;
            break;
          case "false":
            value = false;
            break;
        }
        if (key.indexOf("tls.") === 0) {
          lKey = key.substr(4);
          if (!options.tls) {
            options.tls = {};
          }
          obj = options.tls;
        } else if (key.indexOf(".") >= 0) {
          return;
        }
        if (!isProtoKey(lKey) && !(lKey in obj)) {
          obj[lKey] = value;
        }
      });
      return options;
    };
    module2.exports._logFunc = (logger, level, defaults2, data, message, ...args) => {
      const entry = Object.assign({}, defaults2 || {}, data || {});
      delete entry.level;
      let logLevel = level;
      if (typeof logger[logLevel] !== "function") {
        logLevel = ["info", "debug", "log", "trace", "warn", "error"].find((name) => typeof logger[name] === "function");
      }
      if (logLevel) {
        logger[logLevel](entry, message, ...args);
      }
    };
    module2.exports.getLogger = (options, defaults2) => {
      options = options || {};
      const response = {};
      const levels = ["trace", "debug", "info", "warn", "error", "fatal"];
      if (!options.logger) {
        levels.forEach((level) => {
          response[level] = () => false;
        });
        return response;
      }
      const logger = options.logger === true ? createDefaultLogger(levels) : options.logger;
      levels.forEach((level) => {
        response[level] = (data, message, ...args) => {
          module2.exports._logFunc(logger, level, defaults2, data, message, ...args);
        };
      });
      return response;
    };
    module2.exports.callbackPromise = (resolve4, reject) => function() {
      const args = Array.from(arguments);
      const err = args.shift();
      if (err) {
        reject(err);
      } else {
        resolve4(...args);
      }
    };
    module2.exports.parseDataURI = (uri) => {
      if (typeof uri !== "string") {
        return null;
      }
      if (!uri.startsWith("data:")) {
        return null;
      }
      const commaPos = uri.indexOf(",");
      if (commaPos === -1) {
        return null;
      }
      const data = uri.substring(commaPos + 1);
      const metaStr = uri.substring("data:".length, commaPos);
      let encoding;
      const metaEntries = metaStr.split(";");
      if (metaEntries.length > 0) {
        const lastEntry = metaEntries[metaEntries.length - 1].toLowerCase().trim();
        if (["base64", "utf8", "utf-8"].includes(lastEntry) && lastEntry.indexOf("=") === -1) {
          encoding = lastEntry;
          metaEntries.pop();
        }
      }
      const contentType = metaEntries.length > 0 ? metaEntries.shift() : "application/octet-stream";
      const params = {};
      for (let i = 0; i < metaEntries.length; i++) {
        const entry = metaEntries[i];
        const sepPos = entry.indexOf("=");
        if (sepPos > 0) {
          const key = entry.substring(0, sepPos).trim();
          const value = entry.substring(sepPos + 1).trim();
          if (key && !isProtoKey(key)) {
            params[key] = value;
          }
        }
      }
      let bufferData;
      try {
        if (encoding === "base64") {
          bufferData = Buffer.from(data, "base64");
        } else {
          try {
            bufferData = Buffer.from(decodeURIComponent(data));
          } catch (_decodeError) {
            bufferData = Buffer.from(data);
          }
        }
      } catch (_bufferError) {
        bufferData = Buffer.alloc(0);
      }
      return {
        data: bufferData,
        encoding: encoding || null,
        contentType: contentType || "application/octet-stream",
        params
      };
    };
    module2.exports.resolveContent = (data, key, options, callback) => {
      if (!callback && typeof options === "function") {
        callback = options;
        options = false;
      }
      options = options || {};
      let promise;
      if (!callback) {
        promise = new Promise((resolve4, reject) => {
          callback = module2.exports.callbackPromise(resolve4, reject);
        });
      }
      resolveContentValue(data, key, options, callback);
      return promise;
    };
    function resolveContentValue(data, key, options, callback) {
      let content = data && data[key] && data[key].content || data[key];
      const encoding = (typeof data[key] === "object" && data[key].encoding || "utf8").toString().toLowerCase().replace(/[-_\s]/g, "");
      if (!content) {
        return callback(null, content);
      }
      if (typeof content === "object") {
        if (typeof content.pipe === "function") {
          return resolveStream(content, (err, value) => {
            if (err) {
              return callback(err);
            }
            if (data[key].content) {
              data[key].content = value;
            } else {
              data[key] = value;
            }
            callback(null, value);
          });
        } else if (/^data:/i.test(content.path || content.href)) {
          const parsedDataUri = module2.exports.parseDataURI(content.path || content.href);
          return callback(null, parsedDataUri && parsedDataUri.data ? parsedDataUri.data : Buffer.alloc(0));
        } else if (content.href || /^https?:\/\//i.test(content.path)) {
          const url = content.href || content.path;
          if (options.disableUrlAccess) {
            return setImmediate(() => {
              const err = new Error("Url access rejected for " + url);
              err.code = errors.EURLACCESS;
              callback(err);
            });
          }
          return resolveStream(nmfetch(url, { headers: content.httpHeaders, tls: content.tls }), callback);
        } else if (content.path) {
          if (options.disableFileAccess) {
            return setImmediate(() => {
              const err = new Error("File access rejected for " + content.path);
              err.code = errors.EFILEACCESS;
              callback(err);
            });
          }
          return resolveStream(fs.createReadStream(content.path), callback);
        }
      }
      if (typeof data[key].content === "string" && !["utf8", "usascii", "ascii"].includes(encoding)) {
        content = Buffer.from(data[key].content, encoding);
      }
      setImmediate(() => callback(null, content));
    }
    module2.exports.assign = function() {
      const args = Array.from(arguments);
      const target = args.shift() || {};
      args.forEach((source) => {
        Object.keys(source || {}).forEach((key) => {
          if (isProtoKey(key)) {
            return;
          }
          if (["tls", "auth"].includes(key) && source[key] && typeof source[key] === "object") {
            target[key] = module2.exports.copyOwnKeys(target[key] || {}, source[key]);
          } else {
            target[key] = source[key];
          }
        });
      });
      return target;
    };
    module2.exports.encodeXText = (str2) => {
      if (!/[^\x21-\x2A\x2C-\x3C\x3E-\x7E]/.test(str2)) {
        return str2;
      }
      const buf = Buffer.from(str2);
      let result = "";
      for (let i = 0, len = buf.length; i < len; i++) {
        const c = buf[i];
        if (c < 33 || c > 126 || c === 43 || c === 61) {
          result += "+" + (c < 16 ? "0" : "") + c.toString(16).toUpperCase();
        } else {
          result += String.fromCharCode(c);
        }
      }
      return result;
    };
    function resolveStream(stream, callback) {
      let responded = false;
      const chunks = [];
      let chunklen = 0;
      stream.on("error", (err) => {
        if (responded) {
          return;
        }
        responded = true;
        callback(err);
      });
      stream.on("readable", () => {
        let chunk;
        while ((chunk = stream.read()) !== null) {
          chunks.push(chunk);
          chunklen += chunk.length;
        }
      });
      stream.on("end", () => {
        if (responded) {
          return;
        }
        responded = true;
        let value;
        try {
          value = Buffer.concat(chunks, chunklen);
        } catch (E) {
          return callback(E);
        }
        callback(null, value);
      });
    }
    function createDefaultLogger(levels) {
      const levelMaxLen = levels.reduce((max, level) => Math.max(max, level.length), 0);
      const levelNames = /* @__PURE__ */ new Map();
      levels.forEach((level) => {
        let levelName = level.toUpperCase();
        if (levelName.length < levelMaxLen) {
          levelName += " ".repeat(levelMaxLen - levelName.length);
        }
        levelNames.set(level, levelName);
      });
      const print = (level, entry, message, ...args) => {
        let prefix = "";
        if (entry) {
          if (entry.tnx === "server") {
            prefix = "S: ";
          } else if (entry.tnx === "client") {
            prefix = "C: ";
          }
          if (entry.sid) {
            prefix = "[" + entry.sid + "] " + prefix;
          }
          if (entry.cid) {
            prefix = "[#" + entry.cid + "] " + prefix;
          }
        }
        message = util.format(message, ...args);
        message.split(/\r?\n/).forEach((line) => {
          console.log("[%s] %s %s", (/* @__PURE__ */ new Date()).toISOString().substr(0, 19).replace(/T/, " "), levelNames.get(level), prefix + line);
        });
      };
      const logger = {};
      levels.forEach((level) => {
        logger[level] = print.bind(null, level);
      });
      return logger;
    }
  }
});

// node_modules/nodemailer/lib/smtp-connection/index.js
var require_smtp_connection = __commonJS({
  "node_modules/nodemailer/lib/smtp-connection/index.js"(exports2, module2) {
    "use strict";
    var packageInfo = require_package();
    var { EventEmitter } = require("events");
    var net = require("net");
    var tls = require("tls");
    var os = require("os");
    var crypto = require("crypto");
    var DataStream = require_data_stream();
    var { PassThrough } = require("stream");
    var shared = require_shared();
    var CONNECTION_TIMEOUT = 2 * 60 * 1e3;
    var SOCKET_TIMEOUT = 10 * 60 * 1e3;
    var GREETING_TIMEOUT = 30 * 1e3;
    var DNS_TIMEOUT = 30 * 1e3;
    var TEARDOWN_NOOP = () => {
    };
    function decodeServerResponse(str2) {
      if (!str2) {
        return str2;
      }
      const utf8 = Buffer.from(str2, "binary").toString("utf8");
      return utf8.includes("\uFFFD") ? str2 : utf8;
    }
    var SMTPConnection = class extends EventEmitter {
      constructor(options) {
        super(options);
        this.id = crypto.randomBytes(8).toString("base64").replace(/\W/g, "");
        this.stage = "init";
        this.options = options || {};
        this.secureConnection = !!this.options.secure;
        this.alreadySecured = !!this.options.secured;
        this.port = Number(this.options.port) || (this.secureConnection ? 465 : 587);
        this.host = this.options.host || "localhost";
        this.servername = this.options.servername ? this.options.servername : !net.isIP(this.host) ? this.host : false;
        this.allowInternalNetworkInterfaces = this.options.allowInternalNetworkInterfaces || false;
        if (typeof this.options.secure === "undefined" && this.port === 465) {
          this.secureConnection = true;
        }
        this.name = (this.options.name || this._getHostname()).toString().replace(/[\r\n]+/g, "");
        this.logger = shared.getLogger(this.options, {
          component: this.options.component || "smtp-connection",
          sid: this.id
        });
        this.customAuth = /* @__PURE__ */ new Map();
        for (const key of Object.keys(this.options.customAuth || {})) {
          const mapKey = (key || "").toString().trim().toUpperCase();
          if (mapKey) {
            this.customAuth.set(mapKey, this.options.customAuth[key]);
          }
        }
        this.version = packageInfo.version;
        this.authenticated = false;
        this.destroyed = false;
        this.secure = !!this.secureConnection;
        this._remainder = "";
        this._responseQueue = [];
        this.lastServerResponse = false;
        this._socket = false;
        this._supportedAuth = [];
        this.allowsAuth = false;
        this._envelope = false;
        this._supportedExtensions = [];
        this._maxAllowedSize = 0;
        this._responseActions = [];
        this._recipientQueue = [];
        this._greetingTimeout = false;
        this._connectionTimeout = false;
        this._destroyed = false;
        this._closing = false;
        this._currentDataStream = false;
        this._onSocketData = (chunk) => this._onData(chunk);
        this._onSocketError = (error) => this._onError(error, "ESOCKET", false, "CONN");
        this._onSocketClose = () => this._onClose();
        this._onSocketEnd = () => this._onEnd();
        this._onSocketTimeout = () => this._onTimeout();
        this._onConnectionSocketError = (err) => this._onConnectionError(err, "ESOCKET");
        this._connectionAttemptId = 0;
      }
      /**
       * Creates a connection to a SMTP server and sets up connection
       * listener
       */
      connect(connectCallback) {
        if (typeof connectCallback === "function") {
          this.once("connect", () => {
            this.logger.debug(
              {
                tnx: "smtp"
              },
              "SMTP handshake finished"
            );
            connectCallback();
          });
          const isDestroyedMessage = this._isDestroyedMessage("connect");
          if (isDestroyedMessage) {
            return connectCallback(this._formatError(isDestroyedMessage, "ECONNECTION", false, "CONN"));
          }
        }
        let opts = {
          port: this.port,
          host: this.host,
          allowInternalNetworkInterfaces: this.allowInternalNetworkInterfaces,
          timeout: this.options.dnsTimeout || DNS_TIMEOUT
        };
        if (this.options.localAddress) {
          opts.localAddress = this.options.localAddress;
        }
        if (this.options.connection) {
          this._socket = this.options.connection;
          this._setupConnectionHandlers();
          if (this.secureConnection && !this.alreadySecured) {
            setImmediate(
              () => this._upgradeConnection((err) => {
                if (err) {
                  this._onError(new Error("Error initiating TLS - " + (err.message || err)), "ETLS", false, "CONN");
                  return;
                }
                this._onConnect();
              })
            );
          } else {
            setImmediate(() => this._onConnect());
          }
          return;
        } else if (this.options.socket) {
          this._socket = this.options.socket;
          return this._resolveAndConnect(opts, (_resolved) => {
            try {
              this._socket.connect(this.port, this.host, () => {
                this._socket.setKeepAlive(true);
                if (this.secureConnection && !this.alreadySecured) {
                  return this._upgradeConnection((err) => {
                    if (err) {
                      this._onError(new Error("Error initiating TLS - " + (err.message || err)), "ETLS", false, "CONN");
                      return;
                    }
                    this._onConnect();
                  });
                }
                this._onConnect();
              });
              this._setupConnectionHandlers();
            } catch (E) {
              return setImmediate(() => this._onError(E, "ECONNECTION", false, "CONN"));
            }
          });
        } else {
          if (this.secureConnection) {
            Object.assign(opts, this.options.tls || {});
            if (this.servername && !opts.servername) {
              opts.servername = this.servername;
            }
          }
          return this._resolveAndConnect(opts, (resolved) => {
            this._fallbackAddresses = (resolved._addresses || []).filter((addr) => addr !== opts.host);
            this._connectOpts = Object.assign({}, opts);
            this._connectToHost(opts, this.secureConnection);
          });
        }
      }
      /**
       * Resolves the hostname and applies resolved values to opts,
       * then calls the provided callback with the resolved data
       *
       * @param {Object} opts Connection options (modified in place)
       * @param {Function} callback Called with resolved data on success
       */
      _resolveAndConnect(opts, callback) {
        return shared.resolveHostname(opts, (err, resolved) => {
          if (err) {
            return setImmediate(() => this._onError(err, "EDNS", false, "CONN"));
          }
          this.logger.debug(
            {
              tnx: "dns",
              source: opts.host,
              resolved: resolved.host,
              cached: !!resolved.cached
            },
            "Resolved %s as %s [cache %s]",
            opts.host,
            resolved.host,
            resolved.cached ? "hit" : "miss"
          );
          for (const key of Object.keys(resolved)) {
            if (key.charAt(0) !== "_" && resolved[key]) {
              opts[key] = resolved[key];
            }
          }
          callback(resolved);
        });
      }
      /**
       * Attempts to connect to the specified host address
       *
       * @param {Object} opts Connection options
       * @param {Boolean} secure Whether to use TLS
       */
      _connectToHost(opts, secure) {
        if (this._destroyed || this._closing) {
          return;
        }
        this._connectionAttemptId++;
        const currentAttemptId = this._connectionAttemptId;
        const connectFn = secure ? tls.connect : net.connect;
        try {
          this._socket = connectFn(opts, () => {
            if (this._connectionAttemptId !== currentAttemptId) {
              return;
            }
            this._socket.setKeepAlive(true);
            this._onConnect();
          });
          this._setupConnectionHandlers();
        } catch (E) {
          return setImmediate(() => this._onError(E, "ECONNECTION", false, "CONN"));
        }
      }
      /**
       * Sets up connection timeout and error handlers
       */
      _setupConnectionHandlers() {
        this._connectionTimeout = setTimeout(() => {
          this._onConnectionError("Connection timeout", "ETIMEDOUT");
        }, this.options.connectionTimeout || CONNECTION_TIMEOUT);
        this._socket.on("error", this._onConnectionSocketError);
      }
      /**
       * Handles connection errors with fallback to alternative addresses
       *
       * @param {Error|String} err Error object or message
       * @param {String} code Error code
       */
      _onConnectionError(err, code3) {
        clearTimeout(this._connectionTimeout);
        const canFallback = this._fallbackAddresses && this._fallbackAddresses.length && this.stage === "init" && !this._destroyed;
        if (!canFallback) {
          this._onError(err, code3, false, "CONN");
          return;
        }
        const nextHost = this._fallbackAddresses.shift();
        this.logger.info(
          {
            tnx: "network",
            failedHost: this._connectOpts.host,
            nextHost,
            error: err.message || err
          },
          "Connection to %s failed, trying %s",
          this._connectOpts.host,
          nextHost
        );
        if (this._socket) {
          try {
            this._socket.removeListener("error", this._onConnectionSocketError);
            this._socket.on("error", TEARDOWN_NOOP);
            this._socket.destroy();
          } catch (_E2) {
          }
          this._socket = null;
        }
        this._connectOpts.host = nextHost;
        this._connectToHost(this._connectOpts, this.secureConnection);
      }
      /**
       * Sends QUIT
       */
      quit() {
        this._sendCommand("QUIT");
        this._responseActions.push(this.close);
      }
      /**
       * Closes the connection to the server
       */
      close() {
        clearTimeout(this._connectionTimeout);
        clearTimeout(this._greetingTimeout);
        this._responseActions = [];
        if (this._closing) {
          return;
        }
        this._closing = true;
        const closeMethod = this.stage === "init" ? "destroy" : "end";
        this.logger.debug(
          {
            tnx: "smtp"
          },
          'Closing connection to the server using "%s"',
          closeMethod
        );
        const socket = this._socket && this._socket.socket || this._socket;
        if (this._currentDataStream) {
          try {
            this._currentDataStream.unpipe(this._socket);
          } catch (_E2) {
          }
          this._currentDataStream = false;
        }
        if (socket && !socket.destroyed) {
          try {
            socket.setTimeout(0);
            socket.removeListener("data", this._onSocketData);
            socket.removeListener("timeout", this._onSocketTimeout);
            socket.removeListener("close", this._onSocketClose);
            socket.removeListener("end", this._onSocketEnd);
            socket.removeListener("error", this._onSocketError);
            socket.removeListener("error", this._onConnectionSocketError);
            socket.on("error", TEARDOWN_NOOP);
            socket[closeMethod]();
          } catch (_E2) {
          }
        }
        this._destroy();
      }
      /**
       * Authenticate user
       */
      login(authData, callback) {
        const isDestroyedMessage = this._isDestroyedMessage("login");
        if (isDestroyedMessage) {
          return callback(this._formatError(isDestroyedMessage, "ECONNECTION", false, "API"));
        }
        this._auth = authData || {};
        this._authMethod = (this._auth.method || "").toString().trim().toUpperCase() || false;
        if (!this._authMethod && this._auth.oauth2 && !this._auth.credentials) {
          this._authMethod = "XOAUTH2";
        } else if (!this._authMethod || this._authMethod === "XOAUTH2" && !this._auth.oauth2) {
          this._authMethod = (this._supportedAuth[0] || "PLAIN").toUpperCase().trim();
        }
        if (this._authMethod !== "XOAUTH2" && (!this._auth.credentials || !this._auth.credentials.user || !this._auth.credentials.pass)) {
          if (this._auth.user && this._auth.pass || this.customAuth.has(this._authMethod)) {
            this._auth.credentials = {
              user: this._auth.user,
              pass: this._auth.pass,
              options: this._auth.options
            };
          } else {
            return callback(this._formatError('Missing credentials for "' + this._authMethod + '"', "EAUTH", false, "API"));
          }
        }
        if (this.customAuth.has(this._authMethod)) {
          const handler = this.customAuth.get(this._authMethod);
          let lastResponse;
          let returned = false;
          const resolve3 = () => {
            if (returned) {
              return;
            }
            returned = true;
            this.logger.info(
              {
                tnx: "smtp",
                username: this._auth.user,
                action: "authenticated",
                method: this._authMethod
              },
              "User %s authenticated",
              JSON.stringify(this._auth.user)
            );
            this.authenticated = true;
            callback(null, true);
          };
          const reject = (err) => {
            if (returned) {
              return;
            }
            returned = true;
            callback(this._formatError(err, "EAUTH", lastResponse, "AUTH " + this._authMethod));
          };
          const handlerResponse = handler({
            auth: this._auth,
            method: this._authMethod,
            extensions: [].concat(this._supportedExtensions),
            authMethods: [].concat(this._supportedAuth),
            maxAllowedSize: this._maxAllowedSize || false,
            sendCommand: (cmd, done) => {
              let promise;
              if (!done) {
                promise = new Promise((resolve4, reject2) => {
                  done = shared.callbackPromise(resolve4, reject2);
                });
              }
              this._responseActions.push((str2) => {
                lastResponse = str2;
                let codes3 = str2.match(/^(\d+)(?:\s(\d+\.\d+\.\d+))?\s/);
                let data = {
                  command: cmd,
                  response: str2
                };
                if (codes3) {
                  data.status = Number(codes3[1]) || 0;
                  if (codes3[2]) {
                    data.code = codes3[2];
                  }
                  data.text = str2.substr(codes3[0].length);
                } else {
                  data.text = str2;
                  data.status = 0;
                }
                done(null, data);
              });
              setImmediate(() => this._sendCommand(cmd));
              return promise;
            },
            resolve: resolve3,
            reject
          });
          if (handlerResponse && typeof handlerResponse.catch === "function") {
            handlerResponse.then(resolve3).catch(reject);
          }
          return;
        }
        switch (this._authMethod) {
          case "XOAUTH2":
            this._handleXOauth2Token(false, callback);
            return;
          case "LOGIN":
            this._responseActions.push((str2) => {
              this._actionAUTH_LOGIN_USER(str2, callback);
            });
            this._sendCommand("AUTH LOGIN");
            return;
          case "PLAIN":
            this._responseActions.push((str2) => {
              this._actionAUTHComplete(str2, callback);
            });
            this._sendCommand(
              "AUTH PLAIN " + Buffer.from(
                //this._auth.user+'\u0000'+
                "\0" + // skip authorization identity as it causes problems with some servers
                this._auth.credentials.user + "\0" + this._auth.credentials.pass,
                "utf-8"
              ).toString("base64"),
              // log entry without passwords
              "AUTH PLAIN " + Buffer.from(
                //this._auth.user+'\u0000'+
                "\0" + // skip authorization identity as it causes problems with some servers
                this._auth.credentials.user + "\0/* secret */",
                "utf-8"
              ).toString("base64")
            );
            return;
          case "CRAM-MD5":
            this._responseActions.push((str2) => {
              this._actionAUTH_CRAM_MD5(str2, callback);
            });
            this._sendCommand("AUTH CRAM-MD5");
            return;
        }
        return callback(this._formatError('Unknown authentication method "' + this._authMethod + '"', "EAUTH", false, "API"));
      }
      /**
       * Sends a message
       *
       * @param {Object} envelope Envelope object, {from: addr, to: [addr]}
       * @param {Object} message String, Buffer or a Stream
       * @param {Function} callback Callback to return once sending is completed
       */
      send(envelope, message, done) {
        if (!message) {
          return done(this._formatError("Empty message", "EMESSAGE", false, "API"));
        }
        const isDestroyedMessage = this._isDestroyedMessage("send message");
        if (isDestroyedMessage) {
          return done(this._formatError(isDestroyedMessage, "ECONNECTION", false, "API"));
        }
        if (this._maxAllowedSize && envelope.size > this._maxAllowedSize) {
          return setImmediate(() => {
            done(this._formatError("Message size larger than allowed " + this._maxAllowedSize, "EMESSAGE", false, "MAIL FROM"));
          });
        }
        let returned = false;
        const callback = function() {
          if (returned) {
            return;
          }
          returned = true;
          done(...arguments);
        };
        if (typeof message.on === "function") {
          message.on("error", (err) => callback(this._formatError(err, "ESTREAM", false, "API")));
        }
        const startTime = Date.now();
        this._setEnvelope(envelope, (err, info) => {
          if (err) {
            const stream2 = new PassThrough();
            if (typeof message.pipe === "function") {
              message.pipe(stream2);
            } else {
              stream2.write(message);
              stream2.end();
            }
            return callback(err);
          }
          const envelopeTime = Date.now();
          const stream = this._createSendStream((err2, str2) => {
            if (err2) {
              return callback(err2);
            }
            info.envelopeTime = envelopeTime - startTime;
            info.messageTime = Date.now() - envelopeTime;
            info.messageSize = stream.outByteCount;
            info.response = str2;
            return callback(null, info);
          });
          if (typeof message.pipe === "function") {
            message.pipe(stream);
          } else {
            stream.write(message);
            stream.end();
          }
        });
      }
      /**
       * Resets connection state
       *
       * @param {Function} callback Callback to return once connection is reset
       */
      reset(callback) {
        const isDestroyedMessage = this._isDestroyedMessage("reset");
        if (isDestroyedMessage) {
          return callback(this._formatError(isDestroyedMessage, "ECONNECTION", false, "API"));
        }
        this._sendCommand("RSET");
        this._responseActions.push((str2) => {
          if (str2.charAt(0) !== "2") {
            return callback(this._formatError("Could not reset session state. response=" + str2, "EPROTOCOL", str2, "RSET"));
          }
          this._envelope = false;
          return callback(null, true);
        });
      }
      /**
       * Connection listener that is run when the connection to
       * the server is opened
       *
       * @event
       */
      _onConnect() {
        clearTimeout(this._connectionTimeout);
        this.logger.info(
          {
            tnx: "network",
            localAddress: this._socket.localAddress,
            localPort: this._socket.localPort,
            remoteAddress: this._socket.remoteAddress,
            remotePort: this._socket.remotePort
          },
          "%s established to %s:%s",
          this.secure ? "Secure connection" : "Connection",
          this._socket.remoteAddress,
          this._socket.remotePort
        );
        if (this._destroyed) {
          this.close();
          return;
        }
        this.stage = "connected";
        this._socket.removeListener("data", this._onSocketData);
        this._socket.removeListener("timeout", this._onSocketTimeout);
        this._socket.removeListener("close", this._onSocketClose);
        this._socket.removeListener("end", this._onSocketEnd);
        this._socket.removeListener("error", this._onConnectionSocketError);
        this._socket.removeListener("error", this._onSocketError);
        this._socket.on("error", this._onSocketError);
        this._socket.on("data", this._onSocketData);
        this._socket.once("close", this._onSocketClose);
        this._socket.once("end", this._onSocketEnd);
        this._socket.setTimeout(this.options.socketTimeout || SOCKET_TIMEOUT);
        this._socket.on("timeout", this._onSocketTimeout);
        this._greetingTimeout = setTimeout(() => {
          if (this._socket && !this._destroyed && this._responseActions[0] === this._actionGreeting) {
            this._onError("Greeting never received", "ETIMEDOUT", false, "CONN");
          }
        }, this.options.greetingTimeout || GREETING_TIMEOUT);
        this._responseActions.push(this._actionGreeting);
        this._socket.resume();
      }
      /**
       * 'data' listener for data coming from the server
       *
       * @event
       * @param {Buffer} chunk Data chunk coming from the server
       */
      _onData(chunk) {
        if (this._destroyed || !chunk || !chunk.length) {
          return;
        }
        let data = chunk.toString("binary");
        let lines = (this._remainder + data).split(/\r?\n/);
        let lastline;
        this._remainder = lines.pop();
        for (let i = 0, len = lines.length; i < len; i++) {
          if (this._responseQueue.length) {
            lastline = this._responseQueue[this._responseQueue.length - 1];
            if (/^\d+-/.test(lastline.split("\n").pop())) {
              this._responseQueue[this._responseQueue.length - 1] += "\n" + lines[i];
              continue;
            }
          }
          this._responseQueue.push(lines[i]);
        }
        if (this._responseQueue.length) {
          lastline = this._responseQueue[this._responseQueue.length - 1];
          if (/^\d+-/.test(lastline.split("\n").pop())) {
            return;
          }
        }
        this._processResponse();
      }
      /**
       * 'error' listener for the socket
       *
       * @event
       * @param {Error} err Error object
       * @param {String} type Error name
       */
      _onError(err, type, data, command) {
        clearTimeout(this._connectionTimeout);
        clearTimeout(this._greetingTimeout);
        if (this._destroyed) {
          return;
        }
        err = this._formatError(err, type, data, command);
        const transientCodes = ["ETIMEDOUT", "ESOCKET", "ECONNECTION"];
        if (transientCodes.includes(err.code)) {
          this.logger.warn(data, err.message);
        } else {
          this.logger.error(data, err.message);
        }
        this.emit("error", err);
        this.close();
      }
      _formatError(message, type, response, command) {
        let err;
        if (/Error\]$/i.test(Object.prototype.toString.call(message))) {
          err = message;
        } else {
          err = new Error(message);
        }
        if (type && type !== "Error") {
          err.code = type;
        }
        if (response) {
          err.response = response;
          err.message += ": " + response;
        }
        const responseCode = typeof response === "string" && Number((response.match(/^\d+/) || [])[0]) || false;
        if (responseCode) {
          err.responseCode = responseCode;
        }
        if (command) {
          err.command = command;
        }
        return err;
      }
      /**
       * 'close' listener for the socket
       *
       * @event
       */
      _onClose() {
        let serverResponse = false;
        if (this._remainder && this._remainder.trim()) {
          this.lastServerResponse = serverResponse = decodeServerResponse(this._remainder.trim());
          if (this.options.debug || this.options.transactionLog) {
            this.logger.debug(
              {
                tnx: "server"
              },
              serverResponse
            );
          }
        }
        this.logger.info(
          {
            tnx: "network"
          },
          "Connection closed"
        );
        if (this.upgrading && !this._destroyed) {
          return this._onError(new Error("Connection closed unexpectedly"), "ETLS", serverResponse, "CONN");
        } else if (![this._actionGreeting, this.close].includes(this._responseActions[0]) && !this._destroyed) {
          return this._onError(new Error("Connection closed unexpectedly"), "ECONNECTION", serverResponse, "CONN");
        } else if (/^[45]\d{2}\b/.test(serverResponse)) {
          return this._onError(new Error("Connection closed unexpectedly"), "ECONNECTION", serverResponse, "CONN");
        }
        this._destroy();
      }
      /**
       * 'end' listener for the socket
       *
       * @event
       */
      _onEnd() {
        if (this._socket && !this._socket.destroyed) {
          this._socket.end();
        }
      }
      /**
       * 'timeout' listener for the socket
       *
       * @event
       */
      _onTimeout() {
        return this._onError(new Error("Timeout"), "ETIMEDOUT", false, "CONN");
      }
      /**
       * Destroys the client, emits 'end'
       */
      _destroy() {
        if (this._destroyed) {
          return;
        }
        this._destroyed = true;
        this.destroyed = true;
        this.emit("end");
      }
      /**
       * Upgrades the connection to TLS
       *
       * @param {Function} callback Callback function to run when the connection
       *        has been secured
       */
      _upgradeConnection(callback) {
        this._remainder = "";
        this._responseQueue = [];
        this._socket.removeListener("data", this._onSocketData);
        this._socket.removeListener("timeout", this._onSocketTimeout);
        const socketPlain = this._socket;
        const opts = Object.assign(
          {
            socket: this._socket,
            host: this.host
          },
          this.options.tls || {}
        );
        if (this.servername && !opts.servername) {
          opts.servername = this.servername;
        }
        const removePlainSocketListeners = () => {
          socketPlain.removeListener("close", this._onSocketClose);
          socketPlain.removeListener("end", this._onSocketEnd);
          socketPlain.removeListener("error", this._onSocketError);
          socketPlain.removeListener("error", this._onConnectionSocketError);
        };
        this.upgrading = true;
        try {
          this._socket = tls.connect(opts, () => {
            this.secure = true;
            this.upgrading = false;
            this._socket.on("data", this._onSocketData);
            removePlainSocketListeners();
            return callback(null, true);
          });
        } catch (err) {
          removePlainSocketListeners();
          return callback(err);
        }
        this._socket.on("error", this._onSocketError);
        this._socket.once("close", this._onSocketClose);
        this._socket.once("end", this._onSocketEnd);
        this._socket.setTimeout(this.options.socketTimeout || SOCKET_TIMEOUT);
        this._socket.on("timeout", this._onSocketTimeout);
        socketPlain.resume();
      }
      /**
       * Processes queued responses from the server
       */
      _processResponse() {
        if (!this._responseQueue.length) {
          return false;
        }
        const raw = (this._responseQueue.shift() || "").toString();
        if (!raw.trim()) {
          setImmediate(() => this._processResponse());
          return;
        }
        let str2 = this.lastServerResponse = decodeServerResponse(raw);
        if (/^\d+-/.test(str2.split("\n").pop())) {
          this._responseQueue.unshift(raw);
          return;
        }
        if (this.options.debug || this.options.transactionLog) {
          this.logger.debug(
            {
              tnx: "server"
            },
            str2.replace(/\r?\n$/, "")
          );
        }
        const action = this._responseActions.shift();
        if (typeof action === "function") {
          action.call(this, str2);
          setImmediate(() => this._processResponse());
        } else {
          return this._onError(new Error("Unexpected Response"), "EPROTOCOL", str2, "CONN");
        }
      }
      /**
       * Send a command to the server, append \r\n
       *
       * @param {String} str String to be sent to the server
       * @param {String} logStr Optional string to be used for logging instead of the actual string
       */
      _sendCommand(str2, logStr) {
        if (this._destroyed) {
          return;
        }
        if (this._socket.destroyed) {
          return this.close();
        }
        if (this.options.debug || this.options.transactionLog) {
          this.logger.debug(
            {
              tnx: "client"
            },
            (logStr || str2 || "").toString().replace(/\r?\n$/, "")
          );
        }
        this._socket.write(Buffer.from(str2 + "\r\n", "utf-8"));
      }
      /**
       * Initiates a new message by submitting envelope data, starting with
       * MAIL FROM: command
       *
       * @param {Object} envelope Envelope object in the form of
       *        {from:'...', to:['...']}
       *        or
       *        {from:{address:'...',name:'...'}, to:[address:'...',name:'...']}
       */
      _setEnvelope(envelope, callback) {
        const args = [];
        let useSmtpUtf8 = false;
        this._envelope = envelope || {};
        this._envelope.from = (this._envelope.from && this._envelope.from.address || this._envelope.from || "").toString().trim();
        this._envelope.to = [].concat(this._envelope.to || []).map((to) => (to && to.address || to || "").toString().trim());
        if (!this._envelope.to.length) {
          return callback(this._formatError("No recipients defined", "EENVELOPE", false, "API"));
        }
        if (this._envelope.from && /[\r\n<>]/.test(this._envelope.from)) {
          return callback(this._formatError("Invalid sender " + JSON.stringify(this._envelope.from), "EENVELOPE", false, "API"));
        }
        if (/[\x80-\uFFFF]/.test(this._envelope.from)) {
          useSmtpUtf8 = true;
        }
        for (let i = 0, len = this._envelope.to.length; i < len; i++) {
          if (!this._envelope.to[i] || /[\r\n<>]/.test(this._envelope.to[i])) {
            return callback(this._formatError("Invalid recipient " + JSON.stringify(this._envelope.to[i]), "EENVELOPE", false, "API"));
          }
          if (/[\x80-\uFFFF]/.test(this._envelope.to[i])) {
            useSmtpUtf8 = true;
          }
        }
        this._envelope.rcptQueue = [].concat(this._envelope.to || []);
        this._envelope.rejected = [];
        this._envelope.rejectedErrors = [];
        this._envelope.accepted = [];
        if (this._envelope.dsn) {
          try {
            this._envelope.dsn = this._setDsnEnvelope(this._envelope.dsn);
          } catch (err) {
            return callback(this._formatError("Invalid DSN " + err.message, "EENVELOPE", false, "API"));
          }
        }
        if (this._envelope.requireTLSExtensionEnabled) {
          if (!this.secure) {
            return callback(
              this._formatError("REQUIRETLS can only be used over TLS connections (RFC 8689)", "EREQUIRETLS", false, "MAIL FROM")
            );
          }
          if (!this._supportedExtensions.includes("REQUIRETLS")) {
            return callback(
              this._formatError("Server does not support REQUIRETLS extension (RFC 8689)", "EREQUIRETLS", false, "MAIL FROM")
            );
          }
        }
        this._responseActions.push((str2) => {
          this._actionMAIL(str2, callback);
        });
        if (useSmtpUtf8 && this._supportedExtensions.includes("SMTPUTF8")) {
          args.push("SMTPUTF8");
          this._usingSmtpUtf8 = true;
        }
        if (this._envelope.use8BitMime && this._supportedExtensions.includes("8BITMIME")) {
          args.push("BODY=8BITMIME");
          this._using8BitMime = true;
        }
        if (this._envelope.size && this._supportedExtensions.includes("SIZE")) {
          const sizeValue = Number(this._envelope.size) || 0;
          if (sizeValue > 0) {
            args.push("SIZE=" + sizeValue);
          }
        }
        if (this._envelope.dsn && this._supportedExtensions.includes("DSN")) {
          if (this._envelope.dsn.ret) {
            args.push("RET=" + shared.encodeXText(this._envelope.dsn.ret));
          }
          if (this._envelope.dsn.envid) {
            args.push("ENVID=" + shared.encodeXText(this._envelope.dsn.envid));
          }
        }
        if (this._envelope.requireTLSExtensionEnabled) {
          args.push("REQUIRETLS");
        }
        this._sendCommand("MAIL FROM:<" + this._envelope.from + ">" + (args.length ? " " + args.join(" ") : ""));
      }
      _setDsnEnvelope(params) {
        let ret = (params.ret || params.return || "").toString().toUpperCase() || null;
        if (ret) {
          switch (ret) {
            case "HDRS":
            case "HEADERS":
              ret = "HDRS";
              break;
            case "FULL":
            case "BODY":
              ret = "FULL";
              break;
          }
        }
        if (ret && !["FULL", "HDRS"].includes(ret)) {
          throw new Error("ret: " + JSON.stringify(ret));
        }
        const envid = (params.envid || params.id || "").toString() || null;
        let notify = params.notify || null;
        if (notify) {
          if (typeof notify === "string") {
            notify = notify.split(",");
          }
          notify = notify.map((n) => n.trim().toUpperCase());
          const validNotify = ["NEVER", "SUCCESS", "FAILURE", "DELAY"];
          const invalidNotify = notify.filter((n) => !validNotify.includes(n));
          if (invalidNotify.length || notify.length > 1 && notify.includes("NEVER")) {
            throw new Error("notify: " + JSON.stringify(notify.join(",")));
          }
          notify = notify.join(",");
        }
        let orcpt = (params.recipient || params.orcpt || "").toString() || null;
        if (orcpt && orcpt.indexOf(";") < 0) {
          orcpt = "rfc822;" + orcpt;
        }
        return {
          ret,
          envid,
          notify,
          orcpt
        };
      }
      _getDsnRcptToArgs() {
        const args = [];
        if (this._envelope.dsn && this._supportedExtensions.includes("DSN")) {
          if (this._envelope.dsn.notify) {
            args.push("NOTIFY=" + shared.encodeXText(this._envelope.dsn.notify));
          }
          if (this._envelope.dsn.orcpt) {
            args.push("ORCPT=" + shared.encodeXText(this._envelope.dsn.orcpt));
          }
        }
        return args.length ? " " + args.join(" ") : "";
      }
      _createSendStream(callback) {
        const dataStream = new DataStream();
        if (this.options.lmtp) {
          this._envelope.accepted.forEach((recipient, i) => {
            const final = i === this._envelope.accepted.length - 1;
            this._responseActions.push((str2) => {
              this._actionLMTPStream(recipient, final, str2, callback);
            });
          });
        } else {
          this._responseActions.push((str2) => {
            this._actionSMTPStream(str2, callback);
          });
        }
        this._currentDataStream = dataStream;
        dataStream.pipe(this._socket, {
          end: false
        });
        if (this.options.debug) {
          const logStream = new PassThrough();
          logStream.on("readable", () => {
            let chunk;
            while (chunk = logStream.read()) {
              this.logger.debug(
                {
                  tnx: "message"
                },
                chunk.toString("binary").replace(/\r?\n$/, "")
              );
            }
          });
          dataStream.pipe(logStream);
        }
        dataStream.once("end", () => {
          if (this._currentDataStream === dataStream) {
            this._currentDataStream = false;
          }
          this.logger.info(
            {
              tnx: "message",
              inByteCount: dataStream.inByteCount,
              outByteCount: dataStream.outByteCount
            },
            "<%s bytes encoded mime message (source size %s bytes)>",
            dataStream.outByteCount,
            dataStream.inByteCount
          );
        });
        return dataStream;
      }
      /** ACTIONS **/
      /**
       * Will be run after the connection is created and the server sends
       * a greeting. If the incoming message starts with 220 initiate
       * SMTP session by sending EHLO command
       *
       * @param {String} str Message from the server
       */
      _actionGreeting(str2) {
        clearTimeout(this._greetingTimeout);
        if (str2.substr(0, 3) !== "220") {
          this._onError(new Error("Invalid greeting. response=" + str2), "EPROTOCOL", str2, "CONN");
          return;
        }
        if (this.options.lmtp) {
          this._responseActions.push(this._actionLHLO);
          this._sendCommand("LHLO " + this.name);
        } else {
          this._responseActions.push(this._actionEHLO);
          this._sendCommand("EHLO " + this.name);
        }
      }
      /**
       * Handles server response for LHLO command. If it yielded in
       * error, emit 'error', otherwise treat this as an EHLO response
       *
       * @param {String} str Message from the server
       */
      _actionLHLO(str2) {
        if (str2.charAt(0) !== "2") {
          this._onError(new Error("Invalid LHLO. response=" + str2), "EPROTOCOL", str2, "LHLO");
          return;
        }
        this._actionEHLO(str2);
      }
      /**
       * Handles server response for EHLO command. If it yielded in
       * error, try HELO instead, otherwise initiate TLS negotiation
       * if STARTTLS is supported by the server or move into the
       * authentication phase.
       *
       * @param {String} str Message from the server
       */
      _actionEHLO(str2) {
        let match;
        if (str2.substr(0, 3) === "421") {
          this._onError(new Error("Server terminates connection. response=" + str2), "ECONNECTION", str2, "EHLO");
          return;
        }
        if (str2.charAt(0) !== "2") {
          if (this.options.requireTLS) {
            this._onError(
              new Error("EHLO failed but HELO does not support required STARTTLS. response=" + str2),
              "ECONNECTION",
              str2,
              "EHLO"
            );
            return;
          }
          this._responseActions.push(this._actionHELO);
          this._sendCommand("HELO " + this.name);
          return;
        }
        this._ehloLines = str2.split(/\r?\n/).map((line) => line.replace(/^\d+[ -]/, "").trim()).filter((line) => line).slice(1);
        if (!this.secure && !this.options.ignoreTLS && (/[ -]STARTTLS\b/im.test(str2) || this.options.requireTLS)) {
          this._sendCommand("STARTTLS");
          this._responseActions.push(this._actionSTARTTLS);
          return;
        }
        if (/[ -]SMTPUTF8\b/im.test(str2)) {
          this._supportedExtensions.push("SMTPUTF8");
        }
        if (/[ -]DSN\b/im.test(str2)) {
          this._supportedExtensions.push("DSN");
        }
        if (/[ -]8BITMIME\b/im.test(str2)) {
          this._supportedExtensions.push("8BITMIME");
        }
        if (/[ -]REQUIRETLS\b/im.test(str2)) {
          this._supportedExtensions.push("REQUIRETLS");
        }
        if (/[ -]PIPELINING\b/im.test(str2)) {
          this._supportedExtensions.push("PIPELINING");
        }
        if (/[ -]AUTH\b/i.test(str2)) {
          this.allowsAuth = true;
        }
        if (/[ -]AUTH(?:(\s+|=)[^\n]*\s+|\s+|=)PLAIN/i.test(str2)) {
          this._supportedAuth.push("PLAIN");
        }
        if (/[ -]AUTH(?:(\s+|=)[^\n]*\s+|\s+|=)LOGIN/i.test(str2)) {
          this._supportedAuth.push("LOGIN");
        }
        if (/[ -]AUTH(?:(\s+|=)[^\n]*\s+|\s+|=)CRAM-MD5/i.test(str2)) {
          this._supportedAuth.push("CRAM-MD5");
        }
        if (/[ -]AUTH(?:(\s+|=)[^\n]*\s+|\s+|=)XOAUTH2/i.test(str2)) {
          this._supportedAuth.push("XOAUTH2");
        }
        if (match = str2.match(/[ -]SIZE(?:[ \t]+(\d+))?/im)) {
          this._supportedExtensions.push("SIZE");
          this._maxAllowedSize = Number(match[1]) || 0;
        }
        this.emit("connect");
      }
      /**
       * Handles server response for HELO command. If it yielded in
       * error, emit 'error', otherwise move into the authentication phase.
       *
       * @param {String} str Message from the server
       */
      _actionHELO(str2) {
        if (str2.charAt(0) !== "2") {
          this._onError(new Error("Invalid HELO. response=" + str2), "EPROTOCOL", str2, "HELO");
          return;
        }
        this.allowsAuth = true;
        this.emit("connect");
      }
      /**
       * Handles server response for STARTTLS command. If there's an error
       * try HELO instead, otherwise initiate TLS upgrade. If the upgrade
       * succeedes restart the EHLO
       *
       * @param {String} str Message from the server
       */
      _actionSTARTTLS(str2) {
        if (str2.charAt(0) !== "2") {
          if (this.options.opportunisticTLS) {
            this.logger.info(
              {
                tnx: "smtp"
              },
              "Failed STARTTLS upgrade, continuing unencrypted"
            );
            return this.emit("connect");
          }
          this._onError(new Error("Error upgrading connection with STARTTLS"), "ETLS", str2, "STARTTLS");
          return;
        }
        this._upgradeConnection((err, secured) => {
          if (err) {
            this._onError(new Error("Error initiating TLS - " + (err.message || err)), "ETLS", false, "STARTTLS");
            return;
          }
          this.logger.info(
            {
              tnx: "smtp"
            },
            "Connection upgraded with STARTTLS"
          );
          if (secured) {
            if (this.options.lmtp) {
              this._responseActions.push(this._actionLHLO);
              this._sendCommand("LHLO " + this.name);
            } else {
              this._responseActions.push(this._actionEHLO);
              this._sendCommand("EHLO " + this.name);
            }
          } else {
            this.emit("connect");
          }
        });
      }
      /**
       * Handle the response for AUTH LOGIN command. We are expecting
       * '334 VXNlcm5hbWU6' (base64 for 'Username:'). Data to be sent as
       * response needs to be base64 encoded username. We do not need
       * exact match but settle with 334 response in general as some
       * hosts invalidly use a longer message than VXNlcm5hbWU6
       *
       * @param {String} str Message from the server
       */
      _actionAUTH_LOGIN_USER(str2, callback) {
        if (!/^334[ -]/.test(str2)) {
          callback(this._formatError('Invalid login sequence while waiting for "334 VXNlcm5hbWU6"', "EAUTH", str2, "AUTH LOGIN"));
          return;
        }
        this._responseActions.push((str3) => {
          this._actionAUTH_LOGIN_PASS(str3, callback);
        });
        this._sendCommand(Buffer.from(this._auth.credentials.user + "", "utf-8").toString("base64"));
      }
      /**
       * Handle the response for AUTH CRAM-MD5 command. We are expecting
       * '334 <challenge string>'. Data to be sent as response needs to be
       * base64 decoded challenge string, MD5 hashed using the password as
       * a HMAC key, prefixed by the username and a space, and finally all
       * base64 encoded again.
       *
       * @param {String} str Message from the server
       */
      _actionAUTH_CRAM_MD5(str2, callback) {
        const challengeMatch = str2.match(/^334\s+(.+)$/);
        if (!challengeMatch) {
          return callback(
            this._formatError("Invalid login sequence while waiting for server challenge string", "EAUTH", str2, "AUTH CRAM-MD5")
          );
        }
        const base64decoded = Buffer.from(challengeMatch[1], "base64").toString("ascii");
        const hmacMD5 = crypto.createHmac("md5", this._auth.credentials.pass);
        hmacMD5.update(base64decoded);
        const prepended = this._auth.credentials.user + " " + hmacMD5.digest("hex");
        this._responseActions.push((str3) => {
          this._actionAUTH_CRAM_MD5_PASS(str3, callback);
        });
        this._sendCommand(
          Buffer.from(prepended).toString("base64"),
          // hidden hash for logs
          Buffer.from(this._auth.credentials.user + " /* secret */").toString("base64")
        );
      }
      /**
       * Handles the response to CRAM-MD5 authentication, if there's no error,
       * the user can be considered logged in. Start waiting for a message to send
       *
       * @param {String} str Message from the server
       */
      _actionAUTH_CRAM_MD5_PASS(str2, callback) {
        if (!str2.match(/^235\s+/)) {
          return callback(this._formatError('Invalid login sequence while waiting for "235"', "EAUTH", str2, "AUTH CRAM-MD5"));
        }
        this.logger.info(
          {
            tnx: "smtp",
            username: this._auth.user,
            action: "authenticated",
            method: this._authMethod
          },
          "User %s authenticated",
          JSON.stringify(this._auth.user)
        );
        this.authenticated = true;
        callback(null, true);
      }
      /**
       * Handle the response for AUTH LOGIN command. We are expecting
       * '334 UGFzc3dvcmQ6' (base64 for 'Password:'). Data to be sent as
       * response needs to be base64 encoded password.
       *
       * @param {String} str Message from the server
       */
      _actionAUTH_LOGIN_PASS(str2, callback) {
        if (!/^334[ -]/.test(str2)) {
          return callback(this._formatError('Invalid login sequence while waiting for "334 UGFzc3dvcmQ6"', "EAUTH", str2, "AUTH LOGIN"));
        }
        this._responseActions.push((str3) => {
          this._actionAUTHComplete(str3, callback);
        });
        this._sendCommand(
          Buffer.from((this._auth.credentials.pass || "").toString(), "utf-8").toString("base64"),
          // Hidden pass for logs
          Buffer.from("/* secret */", "utf-8").toString("base64")
        );
      }
      /**
       * Handles the response for authentication, if there's no error,
       * the user can be considered logged in. Start waiting for a message to send
       *
       * @param {String} str Message from the server
       */
      _actionAUTHComplete(str2, isRetry, callback) {
        if (!callback && typeof isRetry === "function") {
          callback = isRetry;
          isRetry = false;
        }
        if (str2.substr(0, 3) === "334") {
          this._responseActions.push((str3) => {
            if (isRetry || this._authMethod !== "XOAUTH2") {
              this._actionAUTHComplete(str3, true, callback);
            } else {
              setImmediate(() => this._handleXOauth2Token(true, callback));
            }
          });
          this._sendCommand("");
          return;
        }
        if (str2.charAt(0) !== "2") {
          this.logger.info(
            {
              tnx: "smtp",
              username: this._auth.user,
              action: "authfail",
              method: this._authMethod
            },
            "User %s failed to authenticate",
            JSON.stringify(this._auth.user)
          );
          return callback(this._formatError("Invalid login", "EAUTH", str2, "AUTH " + this._authMethod));
        }
        this.logger.info(
          {
            tnx: "smtp",
            username: this._auth.user,
            action: "authenticated",
            method: this._authMethod
          },
          "User %s authenticated",
          JSON.stringify(this._auth.user)
        );
        this.authenticated = true;
        callback(null, true);
      }
      /**
       * Handle response for a MAIL FROM: command
       *
       * @param {String} str Message from the server
       */
      _actionMAIL(str2, callback) {
        if (Number(str2.charAt(0)) !== 2) {
          const message = this._usingSmtpUtf8 && /^550 /.test(str2) && /[\x80-\uFFFF]/.test(this._envelope.from) ? "Internationalized mailbox name not allowed" : "Mail command failed";
          return callback(this._formatError(message, "EENVELOPE", str2, "MAIL FROM"));
        }
        if (!this._envelope.rcptQueue.length) {
          return callback(this._formatError("Can't send mail - no recipients defined", "EENVELOPE", false, "API"));
        }
        this._recipientQueue = [];
        const usePipelining = this._supportedExtensions.includes("PIPELINING");
        do {
          const curRecipient = this._envelope.rcptQueue.shift();
          this._recipientQueue.push(curRecipient);
          this._responseActions.push((str3) => {
            this._actionRCPT(str3, callback);
          });
          this._sendCommand("RCPT TO:<" + curRecipient + ">" + this._getDsnRcptToArgs());
        } while (usePipelining && this._envelope.rcptQueue.length);
      }
      /**
       * Handle response for a RCPT TO: command
       *
       * @param {String} str Message from the server
       */
      _actionRCPT(str2, callback) {
        let err;
        const curRecipient = this._recipientQueue.shift();
        if (Number(str2.charAt(0)) !== 2) {
          const message = this._usingSmtpUtf8 && /^553 /.test(str2) && /[\x80-\uFFFF]/.test(curRecipient) ? "Internationalized mailbox name not allowed" : "Recipient command failed";
          this._envelope.rejected.push(curRecipient);
          err = this._formatError(message, "EENVELOPE", str2, "RCPT TO");
          err.recipient = curRecipient;
          this._envelope.rejectedErrors.push(err);
        } else {
          this._envelope.accepted.push(curRecipient);
        }
        if (!this._envelope.rcptQueue.length && !this._recipientQueue.length) {
          if (this._envelope.rejected.length < this._envelope.to.length) {
            this._responseActions.push((str3) => {
              this._actionDATA(str3, callback);
            });
            this._sendCommand("DATA");
          } else {
            err = this._formatError("Can't send mail - all recipients were rejected", "EENVELOPE", str2, "RCPT TO");
            err.rejected = this._envelope.rejected;
            err.rejectedErrors = this._envelope.rejectedErrors;
            return callback(err);
          }
        } else if (this._envelope.rcptQueue.length) {
          const nextRecipient = this._envelope.rcptQueue.shift();
          this._recipientQueue.push(nextRecipient);
          this._responseActions.push((str3) => {
            this._actionRCPT(str3, callback);
          });
          this._sendCommand("RCPT TO:<" + nextRecipient + ">" + this._getDsnRcptToArgs());
        }
      }
      /**
       * Handle response for a DATA command
       *
       * @param {String} str Message from the server
       */
      _actionDATA(str2, callback) {
        if (!/^[23]/.test(str2)) {
          return callback(this._formatError("Data command failed", "EENVELOPE", str2, "DATA"));
        }
        const response = {
          accepted: this._envelope.accepted,
          rejected: this._envelope.rejected
        };
        if (this._ehloLines && this._ehloLines.length) {
          response.ehlo = this._ehloLines;
        }
        if (this._envelope.rejectedErrors.length) {
          response.rejectedErrors = this._envelope.rejectedErrors;
        }
        callback(null, response);
      }
      /**
       * Handle response for a DATA stream when using SMTP
       * We expect a single response that defines if the sending succeeded or failed
       *
       * @param {String} str Message from the server
       */
      _actionSMTPStream(str2, callback) {
        if (Number(str2.charAt(0)) !== 2) {
          return callback(this._formatError("Message failed", "EMESSAGE", str2, "DATA"));
        }
        return callback(null, str2);
      }
      /**
       * Handle response for a DATA stream
       * We expect a separate response for every recipient. All recipients can either
       * succeed or fail separately
       *
       * @param {String} recipient The recipient this response applies to
       * @param {Boolean} final Is this the final recipient?
       * @param {String} str Message from the server
       */
      _actionLMTPStream(recipient, final, str2, callback) {
        let err;
        if (Number(str2.charAt(0)) !== 2) {
          err = this._formatError("Message failed for recipient " + recipient, "EMESSAGE", str2, "DATA");
          err.recipient = recipient;
          this._envelope.rejected.push(recipient);
          this._envelope.rejectedErrors.push(err);
          for (let i = 0, len = this._envelope.accepted.length; i < len; i++) {
            if (this._envelope.accepted[i] === recipient) {
              this._envelope.accepted.splice(i, 1);
            }
          }
        }
        if (final) {
          return callback(null, str2);
        }
      }
      _handleXOauth2Token(isRetry, callback) {
        this._auth.oauth2.getToken(isRetry, (err, accessToken) => {
          if (err) {
            this.logger.info(
              {
                tnx: "smtp",
                username: this._auth.user,
                action: "authfail",
                method: this._authMethod
              },
              "User %s failed to authenticate",
              JSON.stringify(this._auth.user)
            );
            return callback(this._formatError(err, "EAUTH", false, "AUTH XOAUTH2"));
          }
          this._responseActions.push((str2) => {
            this._actionAUTHComplete(str2, isRetry, callback);
          });
          this._sendCommand(
            "AUTH XOAUTH2 " + this._auth.oauth2.buildXOAuth2Token(accessToken),
            //  Hidden for logs
            "AUTH XOAUTH2 " + this._auth.oauth2.buildXOAuth2Token("/* secret */")
          );
        });
      }
      /**
       *
       * @param {string} command
       * @private
       */
      _isDestroyedMessage(command) {
        if (this._destroyed) {
          return "Cannot " + command + " - smtp connection is already destroyed.";
        }
        if (this._socket) {
          if (this._socket.destroyed) {
            return "Cannot " + command + " - smtp connection socket is already destroyed.";
          }
          if (!this._socket.writable) {
            return "Cannot " + command + " - smtp connection socket is already half-closed.";
          }
        }
      }
      _getHostname() {
        let defaultHostname;
        try {
          defaultHostname = os.hostname() || "";
        } catch (_err) {
          defaultHostname = "localhost";
        }
        if (!defaultHostname || defaultHostname.indexOf(".") < 0) {
          defaultHostname = "[127.0.0.1]";
        }
        if (defaultHostname.match(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/)) {
          defaultHostname = "[" + defaultHostname + "]";
        }
        return defaultHostname;
      }
    };
    module2.exports = SMTPConnection;
  }
});

// src/mail/smtp.ts
async function open(options) {
  const { default: SMTPConnectionClass } = await Promise.resolve().then(() => __toESM(require_smtp_connection()));
  return new SMTPConnectionClass(options);
}
async function session(options, auth, step) {
  const connection = await open(options);
  return new Promise((resolve3, reject) => {
    let settled2 = false;
    const done = (err, value) => {
      if (settled2) return;
      settled2 = true;
      connection.close();
      if (err) reject(err);
      else resolve3(value);
    };
    connection.once("error", (err) => done(err));
    connection.once("end", () => {
      const timer = setTimeout(() => {
        const err = Object.assign(new Error("Unexpected socket close"), {
          code: connection._socket?.upgrading ? "ETLS" : void 0
        });
        done(err);
      }, 1e3);
      timer.unref();
    });
    connection.connect(() => {
      if (settled2) return;
      connection._socket?.setNoDelay(true);
      const login = auth && { type: "LOGIN", user: auth.user, credentials: { user: auth.user, pass: auth.pass } };
      if (!login || !connection.allowsAuth)
        return step(connection, done, false);
      connection.login(login, (err) => {
        if (err) done(err);
        else step(connection, done, true);
      });
    });
  });
}
function smtpSend(options, auth, envelope, message) {
  return session(options, auth, (c, done) => c.send(envelope, message, (err, info) => done(err, info)));
}
function smtpVerify(options, auth) {
  return session(options, auth, (c, done, authed) => {
    c.quit();
    done(void 0, authed);
  });
}
var init_smtp = __esm({
  "src/mail/smtp.ts"() {
    "use strict";
  }
});

// src/mail/smtp-errors.ts
function contentRefused(e) {
  return e.code === "EMESSAGE" && e.command === "DATA" && (e.responseCode ?? 0) >= 500 && e.responseCode !== 552;
}
function droppedConnection(e) {
  if (e.responseCode !== void 0) return false;
  if (e.code === "ECONNECTION") return true;
  const system = typeof e.errno === "number" && e.errno < 0 ? (0, import_node_util.getSystemErrorName)(e.errno) : void 0;
  return e.code === "ESOCKET" && (system === "ECONNRESET" || system === "EPIPE");
}
function smtpError(cfg, err, task = "send") {
  const e = err;
  const said2 = e.response ? `: server said "${oneLine(e.response)}"` : "";
  const hint = smtpHint(e, cfg, task);
  const code3 = e.code === "ESOCKET" ? /\bE[A-Z]{4,}\b/.exec(e.message ?? "")?.[0] ?? e.code : e.code;
  const what = task === "send" ? `mail not delivered via ${cfg.smtp.host}:${cfg.smtp.port}` : "SMTP check failed";
  const line = `${what} (${code3 ?? "error"}${e.responseCode ? ` ${e.responseCode}` : ""})${said2}; ${hint}`;
  return task === "send" && contentRefused(e) ? new AppError("mail-content", line, { cause: err }) : mailError(line, err);
}
function smtpHint(e, cfg, task = "send") {
  const msg = e.message ?? "";
  if (e.code === "EAUTH" || e.responseCode === 535)
    return "check MAIL_USER and MAIL_PASS (for Amazon SES: SMTP credentials of the right region, not IAM keys)";
  if (/not verified/i.test(`${e.response ?? ""} ${msg}`))
    return "Amazon SES: MAIL_FROM (and, in the SES sandbox, every MAIL_DEST address) must be a verified identity in this region; verify it in the SES console";
  if (e.responseCode === 552) return "the server refused the message as too large: set MAIL_MAX_BYTES below its limit";
  if (contentRefused(e))
    return "the server refused the message's content (a content, spam or DLP filter; a value in a failure record, such as a user name a supplicant chose, can trigger it): see the mail server's log for the rule";
  if (e.responseCode === 554 || e.responseCode === 550 || e.responseCode === 553)
    return "the server rejected the sender or a recipient: check MAIL_FROM (a verified identity for SES) and MAIL_DEST";
  if (/wrong version number|ssl3_get_record|packet length too long/i.test(msg)) {
    return cfg.smtp.security === "tls" ? "this port speaks STARTTLS, not implicit TLS: set SMTP_SECURITY=starttls (ports 25/587/2587) or use port 465" : "this port expects implicit TLS: set SMTP_SECURITY=tls (ports 465/2465)";
  }
  if (/certificate|self[- ]signed|unable to verify|altname/i.test(msg))
    return "the SMTP server's certificate is not trusted: set SMTP_CA to its CA (PEM), and use the host name in its certificate";
  if (/STARTTLS/i.test(msg) || e.code === "ETLS")
    return "the server does not offer STARTTLS: use SMTP_SECURITY=tls on port 465, or SMTP_SECURITY=none only on a trusted network";
  if (e.code === "ECONNREFUSED" || /ECONNREFUSED/.test(msg))
    return "connection refused: check SMTP_SERVER and SMTP_PORT";
  if (/greeting/i.test(msg) && cfg.smtp.security !== "tls")
    return "connected, but no SMTP greeting came: this port probably expects implicit TLS (set SMTP_SECURITY=tls, as for ports 465/2465), or the server is stuck";
  if (droppedConnection(e))
    return `the mail server dropped the connection without a reply${task === "send" ? " (retried within the run)" : ""}: check that it is up and accepts mail from this device, its log says why`;
  if (e.code === "ETIMEDOUT" || /timeout/i.test(msg))
    return "no answer in time: check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell";
  if (e.code === "EDNS" || /ENOTFOUND|EAI_AGAIN/.test(msg))
    return "the SMTP host name does not resolve: check SMTP_SERVER and DNS in Guestshell";
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return "a temporary refusal by the server";
  return task === "send" ? "check the SMTP settings with the doctor command" : "check SMTP_SERVER, SMTP_PORT and SMTP_SECURITY; the mail server's log says why";
}
var import_node_util, oneLine;
var init_smtp_errors = __esm({
  "src/mail/smtp-errors.ts"() {
    "use strict";
    import_node_util = require("node:util");
    init_errors();
    oneLine = (s) => s.replace(/\s+/g, " ").trim().slice(0, 200);
  }
});

// src/mail/transport.ts
async function sendMail(cfg, deadline, mail, limit) {
  const now = deadline.now();
  const messageId = mail.messageId ?? newMessageId(cfg.mail.from, now);
  const mime = buildMime({
    from: { name: cfg.mail.fromName, address: cfg.mail.from ?? "" },
    to: cfg.mail.dest,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId,
    date: now,
    attachment: mail.attachment
  });
  if (limit !== void 0 && mime.size > limit) throw new MessageTooBig(mime.size, limit, false);
  const envelope = { from: cfg.mail.from ?? "", to: cfg.mail.dest, size: mime.size };
  try {
    const send = (to) => withRetry(
      () => attempt(connectionOptions(cfg, deadline), smtpAuth(cfg), { ...envelope, to }, mime.stream()),
      deadline,
      {
        attempts: 3,
        baseDelayMs: 2e3,
        transient: transientSmtp
      }
    );
    const info = await send(cfg.mail.dest);
    await sendDeferred(cfg, info, send);
    return { messageId, rejected: refusedFor(info, false) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const server = serverSizeLimit(err);
    if (server !== void 0) throw new MessageTooBig(mime.size, server, true);
    throw smtpError(cfg, err);
  }
}
async function attempt(...args) {
  const message = args[3];
  let release = () => void 0;
  message.once("resume", () => {
    release = holdForData();
  });
  try {
    return await smtpSend(...args);
  } catch (err) {
    release();
    throw err;
  }
}
function smtpAuth(cfg) {
  return cfg.smtp.user ? { user: cfg.smtp.user, pass: cfg.smtp.pass ?? "" } : void 0;
}
function connectionOptions(cfg, deadline) {
  const { smtp } = cfg;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === "tls",
    // starttls: refuse to send in plaintext when the server does not offer STARTTLS.
    requireTLS: smtp.security === "starttls",
    ignoreTLS: smtp.security === "none",
    // SMTP_CA adds to the CAs Node trusts (a public mail relay must still verify).
    tls: smtp.ca ? trustingAlso(readCa(smtp.ca)) : void 0,
    ...timeouts(deadline)
  };
}
function transientSmtp(err) {
  const e = err;
  if (serverSizeLimit(err) !== void 0) return false;
  if (e.responseCode !== void 0) return e.responseCode >= 400 && e.responseCode < 500 && e.code !== "EAUTH";
  return droppedConnection(e);
}
function timeouts(deadline) {
  const socketTimeout = deadline.cap(SOCKET_MS);
  const before = (ms) => Math.max(1, Math.min(ms, socketTimeout - 250));
  return { connectionTimeout: before(CONNECT_MS), greetingTimeout: before(GREETING_MS), socketTimeout };
}
function serverSizeLimit(err) {
  const e = err;
  const m = e.code === "EMESSAGE" ? /larger than allowed (\d+)/.exec(e.message ?? "") : null;
  return m ? Number(m[1]) : void 0;
}
function trustingAlso(pem) {
  const secureContext = (0, import_node_tls.createSecureContext)();
  const native = secureContext.context;
  if (typeof native?.addCACert !== "function") return { ca: [...import_node_tls.rootCertificates, pem] };
  native.addCACert(pem);
  return { secureContext };
}
function readCa(file) {
  try {
    return (0, import_node_fs8.readFileSync)(file, "utf8");
  } catch (err) {
    throw usageError(`cannot read SMTP_CA ${file} (${errCode(err, "error")}): check the path`);
  }
}
var import_node_fs8, import_node_tls, CONNECT_MS, GREETING_MS, SOCKET_MS, MessageTooBig;
var init_transport = __esm({
  "src/mail/transport.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs");
    import_node_tls = require("node:tls");
    init_errcode();
    init_errors();
    init_interrupt();
    init_retry();
    init_deferred_rcpt();
    init_message_id();
    init_mime();
    init_smtp();
    init_smtp_errors();
    init_smtp_errors();
    CONNECT_MS = 15e3;
    GREETING_MS = 15e3;
    SOCKET_MS = 6e4;
    MessageTooBig = class extends Error {
      constructor(size, limit, byServer) {
        super(
          `the message is ${size} bytes, over the ${byServer ? "mail server's SIZE" : "MAIL_MAX_BYTES"} limit of ${limit}`
        );
        this.size = size;
        this.limit = limit;
        this.byServer = byServer;
      }
      size;
      limit;
      byServer;
    };
  }
});

// src/sizecap/budget.ts
function rawBytesFitting(wire) {
  if (wire <= 0) return 0;
  let raw = Math.floor(wire / WIRE_PER_LINE) * RAW_PER_LINE + Math.floor((wire % WIRE_PER_LINE - 2) / 4) * 3;
  raw = Math.max(0, raw);
  while (raw > 0 && base64WireBytes(raw) > wire) raw--;
  while (base64WireBytes(raw + 1) <= wire) raw++;
  return raw;
}
function attachmentBudget(limit, rest) {
  return rawBytesFitting(limit - rest - ATTACHMENT_MIME_OVERHEAD);
}
var RAW_PER_LINE, WIRE_PER_LINE, ATTACHMENT_MIME_OVERHEAD;
var init_budget = __esm({
  "src/sizecap/budget.ts"() {
    "use strict";
    init_mime();
    RAW_PER_LINE = 57;
    WIRE_PER_LINE = 78;
    ATTACHMENT_MIME_OVERHEAD = 400;
  }
});

// src/sizecap/fit.ts
function initialAttachmentBudget(cfg) {
  return attachmentBudget(cfg.mail.maxBytes, Math.min(RESERVE, cfg.mail.maxBytes / 2));
}
async function sendFitted(cfg, deadline, compose2) {
  let limit = cfg.mail.maxBytes;
  let byServer = false;
  let budget = Number.POSITIVE_INFINITY;
  for (let attempt2 = 0; ; attempt2++) {
    const mail = compose2(budget, limit);
    try {
      return await sendMail(cfg, deadline, mail, limit);
    } catch (err) {
      if (!(err instanceof MessageTooBig)) throw err;
      byServer ||= err.byServer;
      const attached = mail.attachment?.size ?? 0;
      if (attached === 0 || attempt2 + 1 >= ATTEMPTS) throw tooBig(err, byServer, true);
      limit = Math.min(limit, err.limit);
      const rest = err.size - base64WireBytes(attached);
      budget = Math.min(attached - 1, attachmentBudget(limit, rest));
    }
  }
}
async function sendAsIs(cfg, deadline, mail) {
  try {
    return await sendMail(cfg, deadline, mail, cfg.mail.maxBytes);
  } catch (err) {
    throw err instanceof MessageTooBig ? tooBig(err, err.byServer, false) : err;
  }
}
function tooBig(err, byServer, cut) {
  const over = `the message is ${err.size} bytes, over the ${byServer ? "mail server's SIZE" : "MAIL_MAX_BYTES"} limit of ${err.limit}`;
  const fix = byServer ? "the mail server accepts less: ask its admin for a larger limit" : "raise MAIL_MAX_BYTES";
  return mailError(`${over}${cut ? " even with the attachment cut down" : ""}; ${fix}`, err);
}
var RESERVE, ATTEMPTS;
var init_fit = __esm({
  "src/sizecap/fit.ts"() {
    "use strict";
    init_errors();
    init_transport();
    init_budget();
    RESERVE = 128 * 1024;
    ATTEMPTS = 4;
  }
});

// src/health/health-send.ts
async function trySend(run, mail) {
  const stopping = run.sys.stop?.aborted === true;
  const budget = Math.max(run.deadline.remaining(), HEALTH_MAIL_MIN_MS);
  try {
    const send = sendAsIs(run.cfg, new Deadline(stopping ? STOPPING_MAIL_MS : budget, run.sys.now), mail);
    await (stopping ? send : untilStopped(run.sys.stop, send, "the health mail"));
    return true;
  } catch (err) {
    return redact2(run.cfg, errorLine(err));
  }
}
function errorLine(err) {
  return err instanceof AppError ? err.message : `internal error: ${describe(err)}`;
}
function redact2(cfg, text4) {
  return redact(text4, secretsOf(cfg));
}
var HEALTH_MAIL_MIN_MS, STOPPING_MAIL_MS;
var init_health_send = __esm({
  "src/health/health-send.ts"() {
    "use strict";
    init_deadline();
    init_errors();
    init_interrupt();
    init_redact();
    init_fit();
    init_secrets();
    HEALTH_MAIL_MIN_MS = 2e4;
    STOPPING_MAIL_MS = 1e4;
  }
});

// src/attachment/gzmember.ts
function gzipPrefix(data, lens, head, room) {
  const ends = [];
  let end = head;
  for (const n of lens) {
    end += n;
    ends.push(end);
  }
  let lo = 1;
  let hi = lens.length;
  let best;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const gz = zlib().gzipSync(data.subarray(0, ends[mid - 1]), GZIP_OPTIONS);
    if (gz.length <= room) {
      best = { gz, n: mid };
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
var loaded, zlib, GZIP_OPTIONS;
var init_gzmember = __esm({
  "src/attachment/gzmember.ts"() {
    "use strict";
    zlib = () => {
      loaded ??= require("node:zlib");
      return loaded;
    };
    GZIP_OPTIONS = { level: 3 };
  }
});

// src/attachment/gzblocks.ts
var import_node_stream2, BLOCK_BYTES, GzipBlocks;
var init_gzblocks = __esm({
  "src/attachment/gzblocks.ts"() {
    "use strict";
    import_node_stream2 = require("node:stream");
    init_gzmember();
    BLOCK_BYTES = 256 * 1024;
    GzipBlocks = class {
      /** `budget`: compressed bytes in all; `header` starts the first block, `footer` is a block of its own. */
      constructor(budget, header, footer2 = "") {
        this.budget = budget;
        this.header = header;
        this.#tail = footer2 ? zlib().gzipSync(footer2, GZIP_OPTIONS) : void 0;
        this.budget -= this.#tail?.length ?? 0;
        this.#stage = Buffer.allocUnsafe(BLOCK_BYTES + 64 * 1024);
        this.#stageHeader();
      }
      budget;
      header;
      #members = [];
      #stage;
      #used = 0;
      #lens = [];
      #head = 0;
      #bytes = 0;
      #full = false;
      #tail;
      /** Lines added (kept or not). */
      lines = 0;
      /** Lines in the file. */
      rows = 0;
      /** Lines left out to respect the size cap. */
      omitted = 0;
      add(line) {
        this.lines++;
        if (this.#full) {
          this.omitted++;
          return;
        }
        if (this.#used + 3 * line.length > this.#stage.length) {
          const bigger = Buffer.allocUnsafe(this.#used + 3 * line.length + BLOCK_BYTES);
          this.#stage.copy(bigger, 0, 0, this.#used);
          this.#stage = bigger;
        }
        const n = this.#stage.write(line, this.#used, "utf8");
        this.#used += n;
        this.#lens.push(n);
        if (this.#used >= BLOCK_BYTES) this.#flush();
      }
      /** Counts `n` lines that were never added here (the digest spool did not keep them). */
      omit(n) {
        this.lines += n;
        this.omitted += n;
      }
      /**
       * Appends a block compressed elsewhere (the digest spool keeps CSV rows as gzip members), so
       * sending a spooled digest compresses nothing twice. `split` recovers its `rows` lines from its
       * text when a limit cuts into it. The header goes first as a block of its own.
       */
      adopt(bytes, rows2, split2) {
        if (this.#lens.length > 0) this.#flush();
        this.lines += rows2;
        if (this.#full) {
          this.omitted += rows2;
          return;
        }
        if (this.#members.length === 0) {
          this.#push(zlib().gzipSync(this.#stage.subarray(0, this.#used), GZIP_OPTIONS), [], this.#used);
          this.#used = this.#head = 0;
        }
        const lens = (data2) => split2(data2.toString("utf8")).map((l) => Buffer.byteLength(l));
        if (this.#bytes + bytes.length <= this.budget) {
          this.#members.push({ bytes, rows: rows2, head: 0, lens });
          this.#bytes += bytes.length;
          this.rows += rows2;
          return;
        }
        this.#full = true;
        const data = zlib().gunzipSync(bytes);
        const all = lens(data);
        this.omitted += all.length - this.#fitLines(data, all, 0);
      }
      /** Compresses what is pending; call once after the last line. */
      finish() {
        if (this.#lens.length > 0) this.#flush();
      }
      get bytes() {
        return this.#bytes + (this.#tail?.length ?? 0);
      }
      /** Cuts trailing lines until everything fits `budget` (a smaller server limit). */
      trimTo(budget) {
        this.budget = Math.min(this.budget, budget - (this.#tail?.length ?? 0));
        while (this.#bytes > this.budget && this.#members.length > 0) {
          const last = this.#members.pop();
          this.#bytes -= last.bytes.length;
          this.rows -= last.rows;
          this.#full = true;
          const data = zlib().gunzipSync(last.bytes);
          const lens = last.lens(data);
          this.omitted += lens.length - this.#fitLines(data, lens, last.head);
        }
      }
      content() {
        return Buffer.concat(this.#parts());
      }
      /** The same bytes as a new stream on each call, never copied into one buffer. */
      stream() {
        return import_node_stream2.Readable.from(this.#parts(), { objectMode: false });
      }
      clear() {
        this.#members = [];
        this.#lens = [];
        this.#bytes = 0;
        this.#full = false;
        this.#stageHeader();
      }
      #stageHeader() {
        this.#head = this.#used = this.#stage.write(this.header, 0, "utf8");
      }
      #parts() {
        const parts2 = this.#members.map((m) => m.bytes);
        return this.#tail ? [...parts2, this.#tail] : parts2;
      }
      #flush() {
        const data = this.#stage.subarray(0, this.#used);
        const lens = this.#lens;
        const head = this.#head;
        this.#lens = [];
        this.#used = this.#head = 0;
        const gz = zlib().gzipSync(data, GZIP_OPTIONS);
        if (this.#bytes + gz.length <= this.budget) this.#push(gz, lens, head);
        else {
          this.#full = true;
          this.omitted += lens.length - this.#fitLines(data, lens, head);
        }
      }
      /** Keeps as many of the first lines of `data` as fit the budget as one block; returns how many. */
      #fitLines(data, lens, head) {
        const best = gzipPrefix(data, lens, head, this.budget - this.#bytes);
        if (best) this.#push(best.gz, lens.slice(0, best.n), head);
        return best?.n ?? 0;
      }
      #push(bytes, lens, head) {
        this.#members.push({ bytes, rows: lens.length, head, lens: () => lens });
        this.#bytes += bytes.length;
        this.rows += lens.length;
      }
    };
  }
});

// src/attachment/attachment.ts
function csvCell(value) {
  let s = clean(value, CSV_CELL_MAX);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function recordRow(record2) {
  const texts = [];
  let long = false;
  for (const column of CSV_COLUMNS) {
    const v = record2[column];
    const t = v === void 0 || v === null ? "" : textOf(v, CSV_CELL_MAX);
    long ||= t.length > CSV_CELL_MAX;
    texts.push(t);
  }
  const row = texts.join(",");
  return !long && !ROW_SPECIAL.test(row) && ROW_COMMAS.test(row) ? `${row}\r
` : csvRow(CSV_COLUMNS.map((c) => record2[c]));
}
function attachmentRow(format, record2) {
  return format === "csv" ? recordRow(record2) : jsonLine(record2);
}
function createAttachment(format, budget) {
  return format === "none" ? void 0 : new AttachmentBuilder(format, budget);
}
function splitCsvRows(text4) {
  const rows2 = text4.split("\n");
  rows2.pop();
  return rows2.map((r) => `${r}
`);
}
var CSV_COLUMNS, CSV_CELL_MAX, csvRow, ROW_SPECIAL, ROW_COMMAS, JSON_UNSAFE, jsonLine, attachmentFilename, AttachmentBuilder;
var init_attachment = __esm({
  "src/attachment/attachment.ts"() {
    "use strict";
    init_sanitize();
    init_gzblocks();
    CSV_COLUMNS = [
      "timestamp",
      "id",
      "userName",
      "callingStationId",
      "nasName",
      "nasIpAddress",
      "nasPortId",
      "failureReason",
      "messageCode",
      "location",
      "deviceType",
      "identityStore",
      "authenticationMethod",
      "authenticationProtocol",
      "serverName",
      "networkDeviceName",
      "auditSessionId",
      "ipAddresses",
      "selectedAznProfiles",
      "policySetName",
      "authorizationRule",
      "endpointProfile"
    ];
    CSV_CELL_MAX = 1e3;
    csvRow = (cells) => `${cells.map(csvCell).join(",")}\r
`;
    ROW_SPECIAL = new RegExp(`${SUSPECT_CLASS}|[";]|^[ =+\\-@]| $| ,|,[ =+\\-@]`);
    ROW_COMMAS = new RegExp(`^[^,]*(?:,[^,]*){${CSV_COLUMNS.length - 1}}$`);
    JSON_UNSAFE = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
    jsonLine = (r) => jsonText(r).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    attachmentFilename = (format) => format === "csv" ? "failures.csv.gz" : "failures.json.gz";
    AttachmentBuilder = class {
      /** `budget`: the most compressed bytes the attachment may take. */
      constructor(format, budget) {
        this.format = format;
        const csv = format === "csv";
        this.filename = attachmentFilename(format);
        this.#blocks = csv ? new GzipBlocks(budget, `\uFEFF${csvRow([...CSV_COLUMNS])}`) : new GzipBlocks(budget, "[\n", "\n]\n");
      }
      format;
      #blocks;
      filename;
      contentType = "application/gzip";
      add(record2) {
        this.addRow(attachmentRow(this.format, record2));
      }
      /** Adds a row made by attachmentRow (the digest spool keeps rows, not records). */
      addRow(row) {
        if (this.format === "csv") this.#blocks.add(row);
        else this.#blocks.add(`${this.#blocks.lines > 0 ? ",\n" : ""}${row}`);
      }
      /** Rows in the attachment; `omitted` rows were left out to respect the size cap. */
      get rows() {
        return this.#blocks.rows;
      }
      get omitted() {
        return this.#blocks.omitted;
      }
      /** Appends a gzip member of `rows` CSV rows made by attachmentRow (the digest spool's), as it is. */
      adoptCsv(bytes, rows2) {
        this.#blocks.adopt(bytes, rows2, splitCsvRows);
      }
      /** Counts `n` records the attachment never received (beyond the digest spool's budget). */
      omit(n) {
        this.#blocks.omit(n);
      }
      /** Compressed size. */
      get bytes() {
        return this.#blocks.bytes;
      }
      /** Compresses what is pending; call once after the last record. */
      finish() {
        this.#blocks.finish();
      }
      /** Drops whole trailing blocks until the attachment fits `budget` (a smaller server limit). */
      trimTo(budget) {
        this.#blocks.trimTo(budget);
      }
      /** The .gz bytes as a new stream on each call, never copied into one buffer. */
      stream() {
        return this.#blocks.stream();
      }
      content() {
        return this.#blocks.content();
      }
      /** Drops everything (a retried fetch starts a new batch). */
      close() {
        this.#blocks.clear();
      }
    };
  }
});

// src/render/admin.ts
function adminLogins(details) {
  const by = /* @__PURE__ */ new Map();
  for (const r of details) {
    if (!r.admin) continue;
    const key = `${r.nasName}\0${r.nasIp}`;
    const g = by.get(key) ?? { row: [] };
    g.row.push(r);
    by.set(key, g);
  }
  const rows2 = [...by.values()].map(({ row }) => summarise(row));
  rows2.sort((a, b) => b.count - a.count || (a.device < b.device ? -1 : 1));
  return { rows: rows2.slice(0, MAX_DEVICES), more: Math.max(0, rows2.length - MAX_DEVICES) };
}
function summarise(rows2) {
  const first = rows2[0];
  const names2 = (pick2) => [...new Set(rows2.map(pick2).filter(Boolean))].sort();
  const accounts = names2((r) => r.user);
  const sources = names2((r) => r.endpoint);
  let last;
  for (const r of rows2) if (r.last !== void 0 && (last === void 0 || r.last > last)) last = r.last;
  return {
    device: first.nasName,
    ip: first.nasIp,
    location: first.location,
    count: rows2.reduce((n, r) => n + r.count, 0),
    attempts: rows2.reduce((n, r) => n + r.attempts, 0),
    accounts: accounts.slice(0, MAX_NAMES),
    accountsMore: Math.max(0, accounts.length - MAX_NAMES),
    sources: sources.slice(0, MAX_NAMES),
    sourcesMore: Math.max(0, sources.length - MAX_NAMES),
    reasons: names2((r) => r.reason).slice(0, 3),
    last
  };
}
var namesText, ADMIN_TITLE, MAX_NAMES, MAX_DEVICES;
var init_admin = __esm({
  "src/render/admin.ts"() {
    "use strict";
    namesText = (names2, more2) => `${names2.join(", ") || "?"}${more2 > 0 ? ` (+${more2})` : ""}`;
    ADMIN_TITLE = "Administrator logins (failed logins to the devices themselves)";
    MAX_NAMES = 5;
    MAX_DEVICES = 20;
  }
});

// src/rollup/timeline.ts
function timelineSpan(tl) {
  if (tl.slots.size === 0) return void 0;
  const slots = [...tl.slots.keys()];
  return { from: Math.min(...slots) * tl.stepMs, to: (Math.max(...slots) + 1) * tl.stepMs - 1 };
}
function countAt(tl, t, reason) {
  if (!plausible(t)) return;
  let key = reason;
  if (!tl.reasons.has(key)) {
    if (tl.reasons.size < MAX_REASONS2) tl.reasons.add(key);
    else key = OTHER;
  }
  const slot = Math.floor(t / tl.stepMs);
  let cell = tl.slots.get(slot);
  if (!cell) {
    cell = /* @__PURE__ */ new Map();
    tl.slots.set(slot, cell);
  }
  const n = cell.get(key);
  if (n === void 0) tl.cells++;
  cell.set(key, (n ?? 0) + 1);
  if (tl.cells > MAX_CELLS) rebin(tl, nextStep(tl.stepMs));
}
function rebin(tl, stepMs) {
  const old = tl.slots;
  const ratio = stepMs / tl.stepMs;
  tl.stepMs = stepMs;
  tl.slots = /* @__PURE__ */ new Map();
  tl.cells = 0;
  for (const [slot, cell] of old) {
    const to = Math.floor(slot / ratio);
    let into = tl.slots.get(to);
    if (!into) {
      into = /* @__PURE__ */ new Map();
      tl.slots.set(to, into);
    }
    for (const [reason, n] of cell) {
      if (!into.has(reason)) tl.cells++;
      into.set(reason, (into.get(reason) ?? 0) + n);
    }
  }
}
var MIN2, STEPS, MAX_CELLS, MAX_REASONS2, OTHER, emptyTimeline, nextStep;
var init_timeline = __esm({
  "src/rollup/timeline.ts"() {
    "use strict";
    init_times();
    MIN2 = 6e4;
    STEPS = [1, 5, 15, 30, 60, 180, 360, 720, 1440].map((m) => m * MIN2);
    MAX_CELLS = 3e3;
    MAX_REASONS2 = 24;
    OTHER = "";
    emptyTimeline = () => ({ stepMs: STEPS[0], slots: /* @__PURE__ */ new Map(), cells: 0, reasons: /* @__PURE__ */ new Set() });
    nextStep = (ms) => STEPS.find((s) => s > ms) ?? ms * 2;
  }
});

// src/render/chart.ts
function barsOf(tl, from, to, top4) {
  if (tl.slots.size === 0 || !(to >= from)) return void 0;
  let stepMs = Math.max(tl.stepMs, STEPS[0]);
  const count3 = (step) => Math.max(1, Math.ceil(to / step) - Math.floor(from / step));
  while (count3(stepMs) > MAX_BARS) stepMs = nextStep(stepMs);
  const first = Math.floor(from / stepMs);
  const last = count3(stepMs) - 1;
  const keys = top4.filter((k) => k !== OTHER).slice(0, COLORS.length);
  const bars = Array.from({ length: last + 1 }, () => new Array(keys.length + 1).fill(0));
  for (const [slot, cell] of tl.slots) {
    const bar = bars[Math.min(last, Math.floor(slot * tl.stepMs / stepMs) - first)];
    if (!bar) continue;
    for (const [reason, n] of cell) {
      const i = keys.indexOf(reason);
      bar[i < 0 ? keys.length : i] += n;
    }
  }
  const totals = bars.map((b) => b.reduce((a, n) => a + n, 0));
  const peak = Math.max(...totals);
  if (peak === 0) return void 0;
  return { stepMs, start: first * stepMs, bars, keys, peak, peakAt: (first + totals.indexOf(peak)) * stepMs };
}
function stepText(ms) {
  if (ms % 864e5 === 0) return ms === 864e5 ? "day" : `${ms / 864e5} days`;
  if (ms % 36e5 === 0) return ms === 36e5 ? "hour" : `${ms / 36e5} h`;
  return ms === 6e4 ? "minute" : `${ms / 6e4} min`;
}
function sparkline(b, clock) {
  const line = b.bars.map((bar) => bar.reduce((a, n) => a + n, 0)).map((n) => n === 0 ? "\xB7" : SPARK[Math.max(1, Math.round(n / b.peak * 8))]).join("");
  const end = b.start + b.bars.length * b.stepMs;
  return [
    `Failures per ${stepText(b.stepMs)}, ${clock.minute(b.start)} to ${clock.minute(end)} (peak ${b.peak} at ${clock.minute(b.peakAt)}):`,
    `  ${line}`
  ];
}
function chartHtml(b, clock, labels) {
  const width = `${(100 / b.bars.length).toFixed(2)}%`;
  const cells = b.bars.map((bar, i) => {
    const total = bar.reduce((a, n) => a + n, 0);
    const segs = bar.map((n, k) => ({ n, color: k < b.keys.length ? COLORS[k] : REST_COLOR })).filter((s) => s.n > 0).reverse().map((s) => {
      const h = Math.max(2, Math.round(s.n / b.peak * HEIGHT));
      return `<tr><td height="${h}" bgcolor="${s.color}" style="height:${h}px;background:${s.color};font-size:1px;line-height:1px;mso-line-height-rule:exactly">&nbsp;</td></tr>`;
    }).join("");
    const tip = `${clock.minute(b.start + i * b.stepMs)}: ${total}`;
    const inner = segs ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${segs}</table>` : "";
    return `<td width="${width}" valign="bottom" title="${escapeHtml(tip)}" style="width:${width};padding:0 1px;vertical-align:bottom;border-bottom:1px solid #8C959F">${inner}</td>`;
  });
  const end = b.start + b.bars.length * b.stepMs;
  const axis = `<tr><td colspan="${b.bars.length}" style="${FONT};font-size:11px;color:#57606a;padding-top:3px"><span style="float:right">${escapeHtml(clock.minute(end))}</span>${escapeHtml(clock.minute(b.start))}</td></tr>`;
  const legend = [...labels.slice(0, b.keys.length), "other reasons"].map((label, k) => {
    const color = k < b.keys.length ? COLORS[k] : REST_COLOR;
    return `<span style="white-space:nowrap;display:inline-block;margin:0 10px 2px 0"><span style="display:inline-block;width:10px;height:10px;background:${color};vertical-align:middle"></span> ${escapeHtml(label)}</span>`;
  }).join(" ");
  return [
    `<div style="${FONT};font-size:12px;color:#424a53;margin:14px 0 6px">Failures per ${stepText(b.stepMs)} (peak ${b.peak} at ${escapeHtml(clock.minute(b.peakAt))})</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="table-layout:fixed;height:${HEIGHT}px"><tr style="height:${HEIGHT}px">${cells.join("")}</tr>${axis}</table>`,
    `<div style="${FONT};font-size:11px;color:#424a53;margin-top:4px">${legend}</div>`
  ].join("\n");
}
var MAX_BARS, COLORS, REST_COLOR, HEIGHT, SPARK, FONT;
var init_chart = __esm({
  "src/render/chart.ts"() {
    "use strict";
    init_sanitize();
    init_timeline();
    MAX_BARS = 30;
    COLORS = ["#D55E00", "#0072B2", "#E69F00"];
    REST_COLOR = "#8C959F";
    HEIGHT = 64;
    SPARK = " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    FONT = "font-family:Segoe UI,Helvetica,Arial,sans-serif";
  }
});

// src/render/layout.ts
function band(tone, label, title, lines = []) {
  const small = lines.map((l) => `<div style="${FONT2};font-size:13px;margin-top:3px">${esc2(l)}</div>`).join("");
  return `<tr><td bgcolor="${BAND[tone]}" style="background:${BAND[tone]};padding:12px 16px;${FONT2};color:#ffffff">${kicker(label)}<div style="${FONT2};font-size:19px;font-weight:bold;line-height:1.3;margin-top:2px">${esc2(title)}</div>${small}</td></tr>`;
}
function card(top4, body) {
  return [
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;border:1px solid #d0d7de;margin:0 0 14px;table-layout:fixed">',
    top4,
    `<tr><td style="padding:4px 16px 16px;${FONT2};font-size:13px;color:${INK};overflow-wrap:anywhere;word-break:break-word">`,
    ...body,
    "</td></tr></table>"
  ].join("\n");
}
function page(title, cards) {
  return [
    "<!DOCTYPE html>",
    `<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc2(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f5f7;${FONT2}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7;table-layout:fixed"><tr><td align="center" style="padding:12px 8px">',
    COLUMN,
    ...cards,
    "</div>",
    "</td></tr></table>",
    "</body></html>",
    ""
  ].join("\n");
}
function rows(items) {
  const td = `valign="top" style="border-bottom:1px solid #e3e7eb;padding:6px;${FONT2};font-size:13px;line-height:1.4`;
  const tr = items.map(
    (r) => `<tr><td width="1%" ${td};white-space:nowrap;text-align:right${r.accent ? `;border-left:4px solid ${r.accent}` : ""}">${r.left}</td><td ${td}">${r.right}</td></tr>`
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;border-top:1px solid #c9d1d9">
${tr.join("\n")}</table>`;
}
var FONT2, INK, MUTED, BAND, esc2, kicker, strip, COLUMN, h2, note2, para, sub, link, footer;
var init_layout = __esm({
  "src/render/layout.ts"() {
    "use strict";
    init_sanitize();
    FONT2 = "font-family:Segoe UI,Helvetica,Arial,sans-serif";
    INK = "#1f2328";
    MUTED = "#57606a";
    BAND = {
      calm: "#2b3a4a",
      alarm: "#b42318",
      incident: "#b42318",
      ok: "#1a7f37",
      backfill: "#5a4a8a"
    };
    esc2 = (s) => escapeHtml(s);
    kicker = (text4) => `<div style="${FONT2};font-size:11px;letter-spacing:1px;text-transform:uppercase;opacity:0.85">${esc2(text4)}</div>`;
    strip = (text4, bg, fg, rule2) => `<tr><td style="background:${bg};border-bottom:1px solid ${rule2};padding:8px 16px;${FONT2};font-size:13px;font-weight:bold;color:${fg}">${esc2(text4)}</td></tr>`;
    COLUMN = '<div style="max-width:1000px;margin:0 auto;text-align:left">';
    h2 = (title) => `<h2 style="${FONT2};font-size:15px;font-weight:bold;color:${INK};margin:20px 0 6px">${esc2(title)}</h2>`;
    note2 = (text4) => `<p style="${FONT2};font-size:12px;line-height:1.45;color:${MUTED};margin:6px 0">${esc2(text4)}</p>`;
    para = (html, extra = "") => `<p style="${FONT2};font-size:13px;line-height:1.45;color:${INK};margin:8px 0;${extra}">${html}</p>`;
    sub = (text4, extra = "") => `<div style="font-size:12px;color:${MUTED};margin-top:2px;${extra}">${esc2(text4)}</div>`;
    link = (url) => `<a href="${esc2(url)}" style="color:#0969da;${FONT2}">${esc2(url)}</a>`;
    footer = (lines) => `<div style="border-top:1px solid #d0d7de;margin-top:18px;padding-top:6px">${lines.map(note2).join("\n")}</div>`;
  }
});

// src/render/wrap.ts
function wrap2(text4, indent = "", first = indent) {
  const lines = [];
  let line = first;
  let fresh = true;
  for (const word of text4.split(" ")) {
    if (word === "") continue;
    const room = WIDTH2 - line.length - (fresh ? 0 : 1);
    if (word.length <= room) {
      line += fresh ? word : ` ${word}`;
      fresh = false;
      continue;
    }
    if (!fresh) {
      lines.push(line);
      line = indent;
    }
    let rest = word;
    while (rest.length > WIDTH2 - line.length) {
      const cut = Math.max(1, WIDTH2 - line.length);
      lines.push(line + rest.slice(0, cut));
      rest = rest.slice(cut);
      line = indent;
    }
    line += rest;
    fresh = false;
  }
  if (!fresh || lines.length === 0) lines.push(line);
  return lines;
}
function wrapAll(lines) {
  return lines.flatMap((l) => {
    if (l.length <= WIDTH2 || /^\s*https?:\/\/\S+$/.test(l)) return [l];
    const indent = /^ */.exec(l)[0];
    return wrap2(l.slice(indent.length), `${indent}    `.slice(0, Math.min(indent.length + 4, 12)), indent);
  });
}
var WIDTH2;
var init_wrap = __esm({
  "src/render/wrap.ts"() {
    "use strict";
    WIDTH2 = 78;
  }
});

// src/render/look.ts
function typeable(value) {
  return value && clean(value, MAX_TYPED) === value && !/[?\u2026]/.test(value) ? value : void 0;
}
function liveLogsFilter(nas, user) {
  const parts2 = [typeable(nas) && `Network Device ${nas}`, typeable(user) && `Identity ${user}`].filter(Boolean);
  return parts2.length ? `; filter ${parts2.join(" or ")}` : "";
}
function mailFilter(d, nas) {
  const names2 = new Set(nas.map((n) => n.name));
  return liveLogsFilter(
    names2.size === 1 ? nas[0].name : void 0,
    d.distinctUsers === 1 ? d.topUsers(1)[0]?.value : void 0
  );
}
function lookLines(adminUrl2, filter) {
  const url = liveLogsUrl(adminUrl2);
  return url ? ["Look in ISE:", url, ...wrap2(`then ${STEPS2}${filter}`, "  ")] : wrap2(`Look in ISE: ${STEPS2}${filter}`, "  ", "");
}
function lookPara(adminUrl2, filter) {
  const url = liveLogsUrl(adminUrl2);
  return para(`<b>Look in ISE:</b> ${url ? `${link(url)} ${esc2(`then ${STEPS2}`)}` : esc2(STEPS2)}${esc2(filter)}`);
}
var STEPS2, liveLogsUrl, MAX_TYPED;
var init_look = __esm({
  "src/render/look.ts"() {
    "use strict";
    init_sanitize();
    init_layout();
    init_wrap();
    STEPS2 = "Operations > RADIUS > Live Logs";
    liveLogsUrl = (adminUrl2) => adminUrl2 && `${adminUrl2}/admin/`;
    MAX_TYPED = 64;
  }
});

// src/render/hints.ts
function hintFor(reason) {
  const code3 = reasonCode(reason);
  return code3 === void 0 ? void 0 : CATALOG[code3];
}
var CATALOG, HINT_CODES;
var init_hints = __esm({
  "src/render/hints.ts"() {
    "use strict";
    init_reason();
    CATALOG = {
      "5411": {
        short: "Supplicant stopped responding",
        hint: "The client never finished EAP: it often does not trust the ISE EAP certificate, the user cancelled the prompt, or large EAP-TLS packets are dropped (MTU). Check the supplicant profile and the ISE certificate chain on the client."
      },
      "5440": {
        short: "EAP session abandoned",
        hint: "The client dropped the EAP exchange and started over: harmless when a success follows; if it repeats, look at supplicant timeouts, roaming, or a slow identity store."
      },
      "11007": {
        short: "Unknown network device",
        cause: "NAS not in ISE?",
        hint: "ISE does not know the NAS that sent the request: add it under Network Devices with the IP the RADIUS packets come from (check the source interface on the switch)."
      },
      "11036": {
        short: "Bad Message-Authenticator",
        cause: "RADIUS shared secret?",
        hint: "The RADIUS shared secret on the NAS does not match the one ISE has for it: set the same key on both sides."
      },
      "11514": {
        short: "Client rejected TLS",
        cause: "ISE EAP certificate?",
        hint: "The supplicant ended the TLS tunnel without a word: usually it does not trust the ISE EAP certificate. Deploy the issuing CA to clients or fix their server-validation settings."
      },
      "12308": {
        short: "Client reported failure",
        hint: "The supplicant itself signalled failure inside the tunnel: check the client event log for the reason (often certificate trust or a credential prompt it could not answer)."
      },
      "12321": {
        short: "Client rejected ISE certificate",
        cause: "ISE EAP certificate?",
        hint: "PEAP clients refuse the ISE EAP certificate: renewed or replaced certificate, or its CA missing on clients. Deploy the CA (e.g. by GPO/MDM) and check the server name the profile expects."
      },
      "12514": {
        short: "Unknown CA in client cert",
        cause: "client CA not trusted?",
        hint: 'The client certificate chains to a CA ISE does not trust for client auth: import the root/issuing CA into Trusted Certificates with "Trust for client authentication".'
      },
      "12520": {
        short: "Client rejected ISE certificate",
        cause: "ISE EAP certificate?",
        hint: "EAP-TLS clients refuse the ISE EAP certificate: deploy its CA to the clients and check the server name in their wireless/wired profile."
      },
      "12934": {
        short: "Supplicant silent in PEAP",
        hint: "The client stopped answering while the PEAP tunnel was set up: typically certificate trust on the client or a hidden credential prompt."
      },
      "12935": {
        short: "Supplicant silent in EAP-TLS",
        hint: "The client stopped answering during the certificate exchange: large chains fragment and get dropped (check MTU/fragmentation on the path) or the client rejects the ISE certificate."
      },
      "15024": {
        short: "PAP not allowed",
        cause: "allowed protocols?",
        hint: "The Allowed Protocols of the matching policy set do not permit PAP (MAB uses it for Process Host Lookup): enable it there or fix the policy-set condition."
      },
      "15039": {
        short: "Rejected per authorization",
        cause: "authorization policy?",
        hint: "Authentication worked but the authorization rule that matched returns DenyAccess (often the default rule): check rule order and conditions for this user or device."
      },
      "22040": {
        short: "Wrong password",
        cause: "password or shared secret?",
        hint: "Wrong password for an internal user, or (with PAP) a RADIUS shared-secret mismatch that garbles the password: check the user, then the key on the NAS."
      },
      "22044": {
        short: "Cert auth expected",
        hint: "The identity source of the matching authentication rule expects certificates but the client sent a password: fix the client profile or the authentication rule."
      },
      "22045": {
        short: "Password auth expected",
        hint: "The identity source of the matching authentication rule expects passwords but the client sent a certificate: point the rule at a certificate authentication profile."
      },
      "22049": {
        short: "Certificate mismatch",
        hint: "The client certificate differs from the one stored for this user in the directory (binary comparison is on): re-enrol the client or update the stored certificate."
      },
      "22056": {
        short: "User not found",
        cause: "unknown user or MAC?",
        hint: "The user or MAC is in none of the identity stores tried: check the username format (domain prefix or suffix), the identity source sequence, and for MAB whether the endpoint is registered."
      },
      "24206": {
        short: "User disabled",
        cause: "disabled user?",
        hint: "The internal user account is disabled in ISE: re-enable it, or remove the device that keeps trying it."
      },
      "24408": {
        short: "Wrong AD password",
        cause: "stale saved password?",
        hint: "Active Directory rejected the password: often an old password saved on a phone or laptop after a change, which can also lock the account. Have the user update the saved credential."
      },
      "24409": {
        short: "AD account disabled",
        hint: "The Active Directory account is disabled: a leaver, or an account disabled by mistake. Remove the device that keeps trying it, or re-enable the account."
      },
      "24414": {
        short: "AD account expired",
        hint: "The Active Directory account has expired: extend it in AD, or remove the device that keeps trying it."
      },
      "24444": {
        short: "AD operation failed in ISE",
        cause: "AD unreachable?",
        hint: "ISE could not complete the Active Directory call: check the AD join point's status on the PSN and the domain controllers it reaches."
      },
      "24454": {
        short: "AD timeout",
        cause: "AD unreachable?",
        hint: "Active Directory did not answer ISE in time: check the domain controllers the PSN uses (reachability, load, DNS, time)."
      },
      "24495": {
        short: "AD servers not available",
        cause: "AD unreachable?",
        hint: "ISE reaches no Active Directory domain controller: check the AD join point on the PSN, then DNS, routing and firewall from the PSN to the DCs."
      },
      "24423": {
        short: "No machine auth seen",
        hint: "Machine Access Restriction: ISE has no record of a recent successful machine authentication for this computer. Check the computer authenticates first (machine credentials in the supplicant)."
      }
    };
    HINT_CODES = Object.keys(CATALOG);
  }
});

// src/render/model.ts
function shortLocation(location) {
  const parts2 = location.split("#").filter((p) => p && !/^(All Locations|Location)$/i.test(p));
  return parts2.join(" / ");
}
function buildModel(d, opts) {
  const from = opts.period?.from ?? d.oldest;
  const to = opts.period?.to ?? d.newest;
  const clock = clockFor(opts.timeZone, from, to);
  const reasons = d.reasons();
  const nas = d.nas();
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, "user");
  const top4 = reasons.slice(0, 3).map((r) => r.reason);
  const span3 = opts.period ?? timelineSpan(d.state.timeline);
  const chart = span3 && (opts.chart || span3.to - span3.from >= CHART_SPAN) ? barsOf(d.state.timeline, span3.from, span3.to, top4) : void 0;
  const details = d.details();
  return {
    test: opts.test === true,
    backfill: opts.backfill === true,
    label: opts.label ?? (opts.test ? "Test mail" : opts.backfill ? "BACKFILL (--since), may repeat mailed failures" : "New since the last run"),
    headline: plural(d.total, "RADIUS authentication failure"),
    facts: `${users}, ${plural(d.distinctEndpoints, "endpoint")}, ${plural(nas.length, "NAS", "")}${d.mutedTotal ? `; ${d.mutedTotal} muted` : ""}`,
    range: clock.range(from, to),
    clock,
    reasons: reasons.slice(0, TOP_REASONS).map((r) => ({ ...r, hint: hintFor(r.reason)?.hint })),
    reasonsMore: Math.max(0, reasons.length - TOP_REASONS),
    nas: nas.slice(0, TOP_NAS),
    nasMore: Math.max(0, nas.length - TOP_NAS),
    users: repeated(d.topUsers(TOP_N)),
    endpoints: repeated(d.topEndpoints(TOP_N)),
    ...adminOf(details),
    details,
    rowsDropped: d.rowsDropped,
    maxRows: opts.maxRows,
    attachmentName: opts.attachmentName,
    attachmentRows: opts.attachmentRows,
    footnotes: filterNotes(d.filtered),
    muted: [...d.muted].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    mutedTotal: d.mutedTotal,
    activeMutes: opts.mutes ?? [],
    bars: chart,
    barLabels: (chart?.keys ?? []).map(reasonLabel),
    leads: opts.leads ?? [],
    context: opts.context,
    liveLogs: opts.leads?.some((l) => l.filters) ? "" : mailFilter(d, nas)
  };
}
function reasonLabel(reason) {
  const code3 = reasonCode(reason);
  const known = hintFor(reason);
  return known && code3 ? `${code3} ${known.short}` : clean(reason, 40);
}
function adminOf(details) {
  const { rows: rows2, more: more2 } = adminLogins(details);
  return { admin: rows2, adminMore: more2 };
}
function userCount(r) {
  return r.usersCapped ? `${r.users}+ users` : plural(r.users, "user");
}
function subjectOf(d, opts) {
  const top4 = d.reasons()[0];
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, "user");
  const prefix = `${opts.subjectPrefix}${opts.test ? " [TEST]" : ""}${opts.backfill ? " BACKFILL" : ""}`;
  let s = `${prefix} ${plural(d.total, "RADIUS failure")}, ${users}`;
  if (top4) s += `, top: ${reasonLabel(top4.reason)} (${top4.count})`;
  return clean(s, 140);
}
function detailSlice(m, limit = m.maxRows) {
  const shown3 = m.details.slice(0, Math.min(limit, m.maxRows));
  return { shown: shown3, more: m.details.length - shown3.length + m.rowsDropped };
}
var TOP_REASONS, TOP_NAS, TOP_N, CHART_SPAN, repeated;
var init_model = __esm({
  "src/render/model.ts"() {
    "use strict";
    init_plural();
    init_sanitize();
    init_reason();
    init_filters();
    init_timeline();
    init_admin();
    init_chart();
    init_hints();
    init_look();
    init_time();
    TOP_REASONS = 15;
    TOP_NAS = 10;
    TOP_N = 10;
    CHART_SPAN = 10 * 6e4;
    repeated = (rows2) => rows2.filter((r) => r.count > 1);
  }
});

// src/render/words.ts
function moreText(m, more2) {
  const rows2 = plural(more2, "more row");
  if (!m.attachmentName) return `... and ${rows2} not shown`;
  return m.attachmentRows === void 0 ? `... and ${rows2} in the attachment ${m.attachmentName}` : `... and ${rows2} not shown (the attachment holds the first ${m.attachmentRows} failures)`;
}
function whereText(r) {
  const nas = `NAS ${clean(r.nasName, 40) || "?"}${r.nasIp ? ` (${r.nasIp})` : ""}`;
  return [nas, r.port && `port ${r.port}`, r.psn && `PSN ${r.psn}`].filter(Boolean).join(", ");
}
function footerLines(m, shownTotal) {
  const lines = [];
  const total = shownTotal + m.mutedTotal;
  if (m.footnotes.length) lines.push(`Not in this mail: ${m.footnotes.join("; ")}.`);
  if (m.mutedTotal) {
    const each = m.muted.map(([label, n]) => `${n} ${label}`).join(", ");
    lines.push(`Muted, so not above but in the attachment: ${each} (run.js mutes lists them).`);
  }
  if (m.activeMutes.length) lines.push(`Active mutes: ${m.activeMutes.join("; ")} (run.js mutes lists them).`);
  if (m.attachmentName && m.attachmentRows !== void 0)
    lines.push(
      `Attached: ${m.attachmentName} with the first ${m.attachmentRows} of ${plural(total, "failure")} of this mail (size cap), one row each.`
    );
  else if (m.attachmentName)
    lines.push(`Attached: ${m.attachmentName} with all ${plural(total, "failure")} of this mail, one row each.`);
  lines.push("Hints are general guidance from Cisco ISE documentation, not a diagnosis.");
  lines.push(sentBy(m.context));
  return lines;
}
function sentBy(ctx) {
  if (!ctx) return "Sent by ise-to-mail from Cisco ISE pxGrid RADIUS failures.";
  return `Sent by ise-to-mail on ${ctx.device}, from Cisco ISE ${ctx.ise} (pxGrid).`;
}
var TEST_BANNER, countText, whoText;
var init_words2 = __esm({
  "src/render/words.ts"() {
    "use strict";
    init_plural();
    init_sanitize();
    TEST_BANNER = "TEST MAIL from ise-to-mail test-mail: samples, not from your ISE. SMTP works.";
    countText = (r, unit = "") => r.attempts > r.count ? `${r.count}${unit} (${r.attempts} attempts)` : `${r.count}${unit}`;
    whoText = (r) => [clean(r.user, 64) || "(no user name)", clean(r.endpoint, 40)].filter(Boolean).join(", ");
  }
});

// src/render/html.ts
function adminRows(m) {
  if (m.admin.length === 0) return [];
  const items = m.admin.map((a) => {
    const loc = shortLocation(a.location);
    const where2 = `${a.device || "?"} (${a.ip || "no IP"})${loc ? `, ${loc}` : ""}`;
    const who2 = `${namesText(a.accounts, a.accountsMore)} from ${namesText(a.sources, a.sourcesMore)}`;
    return { left: num(countText(a)), right: `<b>${esc2(where2)}</b>${sub(`${who2}, last ${m.clock.short(a.last)}`)}` };
  });
  const out = [h2(ADMIN_TITLE), rows(items)];
  if (m.adminMore) out.push(note2(`... and ${m.adminMore} other device(s)`));
  return out;
}
function summary(m) {
  const { clock } = m;
  const out = [...adminRows(m), h2("By reason")];
  const top4 = m.bars?.keys ?? [];
  out.push(
    rows(
      m.reasons.map((r) => ({
        left: num(countText(r).split(" ")[0], userCount(r)),
        accent: top4.includes(r.reason) ? COLORS[top4.indexOf(r.reason)] : void 0,
        right: `<b>${esc2(r.reason)}</b>${r.hint ? sub(r.hint, "color:#424a53") : ""}` + sub(
          `${clock.span(r.first, r.last)}${r.attempts > r.count ? `, ${r.attempts} attempts (repeats ISE reported once)` : ""}`
        )
      }))
    )
  );
  if (m.reasonsMore) out.push(note2(`... and ${m.reasonsMore} other reason(s)`));
  out.push(h2("By NAS"));
  out.push(
    rows(
      m.nas.map((n) => {
        const loc = shortLocation(n.location);
        const meta2 = `${loc ? `${loc}, ` : ""}last ${clock.short(n.last)}`;
        return {
          left: num(n.count, userCount(n)),
          right: `<b>${esc2(n.name || "?")}</b> ${esc2(n.ip)}${sub(meta2)}`
        };
      })
    )
  );
  if (m.nasMore) out.push(note2(`... and ${m.nasMore} other NAS`));
  out.push(
    `<div>${half("Top users", m.users, "no user failed more than once")}${half("Top endpoints", m.endpoints, "no endpoint failed more than once")}</div>`
  );
  return out;
}
function half(title, list2, none) {
  const body = list2.length ? rows(list2.map((r) => ({ left: num(r.count), right: esc2(clean(r.value, 64)) }))) : note2(`(${none})`);
  return `<div style="display:inline-block;width:100%;max-width:470px;vertical-align:top;margin-right:8px">${h2(title)}${body}</div>`;
}
function top(m) {
  const tone = m.backfill ? "backfill" : "calm";
  const head = band(tone, m.label, m.headline, [m.facts, `${m.range} (${m.clock.zone})`]);
  return m.test ? `${head}
${strip(TEST_BANNER, "#fff3bf", "#5c4400", "#e0c200")}` : head;
}
function renderHtml(m, total, title) {
  const { shown: shown3 } = detailSlice(m);
  const cards = m.leads.filter((l) => l.top).map((l) => l.html);
  const head = [
    ...m.leads.filter((l) => !l.top).map((l) => l.html),
    lookPara(m.context?.adminUrl, m.liveLogs),
    m.bars ? chartHtml(m.bars, m.clock, m.barLabels) : "",
    ...summary(m),
    h2("Details (identical failures collapsed, newest first)")
  ].filter(Boolean);
  const alone = m.details.length === 1 && m.details[0].count === 1;
  const build2 = (n2) => {
    const { more: more2 } = detailSlice(m, n2);
    const details = rows(shown3.slice(0, n2).map((r) => detailRow(m, r, alone)));
    const body = [...head, details, more2 > 0 ? note2(moreText(m, more2)) : "", footer(footerLines(m, total))];
    return page(title, [...cards, card(top(m), body.filter(Boolean))]);
  };
  let n = shown3.length;
  let html = build2(n);
  while (n > 0 && Buffer.byteLength(html) > HTML_BUDGET) {
    n = Math.max(0, n - Math.max(1, Math.ceil(n / 8)));
    html = build2(n);
  }
  return { html, rowsShown: n };
}
var HTML_BUDGET, num, detailRow;
var init_html = __esm({
  "src/render/html.ts"() {
    "use strict";
    init_sanitize();
    init_admin();
    init_chart();
    init_layout();
    init_look();
    init_model();
    init_words2();
    HTML_BUDGET = 9e4;
    num = (n, small) => `<b>${esc2(String(n))}</b>${small ? sub(small) : ""}`;
    detailRow = (m, r, alone) => ({
      left: `${esc2(m.clock.short(r.last))}${sub(countText(r, "x"))}`,
      right: `<b>${esc2(whoText(r))}</b><div style="margin-top:2px">${esc2(whereText(r))}</div>${sub(clean(r.reason, 100))}` + (alone && r.session ? sub(`Audit session ${r.session}`) : "")
    });
  }
});

// src/render/text.ts
function renderText(m, total, rowLimit) {
  const { clock } = m;
  const out = [];
  for (const lead of m.leads.filter((l) => l.top)) out.push(...lead.text);
  out.push(`${m.label}: ${m.headline}`, m.facts, `${m.range} (${clock.zone})`, "");
  if (m.test) out.push(TEST_BANNER, "");
  for (const lead of m.leads.filter((l) => !l.top)) out.push(...lead.text);
  out.push(...lookLines(m.context?.adminUrl, m.liveLogs), "");
  if (m.bars) out.push(...sparkline(m.bars, clock), "");
  out.push(...adminLines(m));
  out.push("BY REASON");
  for (const r of m.reasons) {
    out.push(...wrap2(r.reason, "         ", `  ${String(r.count).padStart(5)}  `));
    const attempts = r.attempts > r.count ? `, ${r.attempts} attempts (repeats ISE reported once)` : "";
    out.push(`         ${userCount(r)}, ${clock.span(r.first, r.last)}${attempts}`);
    if (r.hint) out.push(...wrap2(`Hint: ${r.hint}`, "         "));
  }
  if (m.reasonsMore) out.push(`  ... and ${m.reasonsMore} other reason(s)`);
  out.push("", "BY NAS");
  for (const n of m.nas) {
    const loc = shortLocation(n.location);
    const nas = `${n.name || "?"} (${n.ip || "no IP"})${loc ? `, ${loc}` : ""}`;
    out.push(...wrap2(nas, "         ", `  ${String(n.count).padStart(5)}  `));
    out.push(`         ${userCount(n)}, last ${clock.short(n.last)}`);
  }
  if (m.nasMore) out.push(`  ... and ${m.nasMore} other NAS`);
  out.push("", "TOP USERS", ...topLines(m.users, "no user failed more than once"));
  out.push("", "TOP ENDPOINTS", ...topLines(m.endpoints, "no endpoint failed more than once"));
  const { shown: shown3, more: more2 } = detailSlice(m, rowLimit);
  out.push("", "DETAILS (identical failures collapsed, newest first)");
  const alone = m.details.length === 1 && m.details[0].count === 1;
  for (const r of shown3) out.push(...detailLines(m, r, alone));
  if (more2 > 0) out.push(`  ${moreText(m, more2)}`);
  out.push("", "-- ", ...footerLines(m, total));
  return `${wrapAll(out).join("\n")}
`;
}
function detailLines(m, r, alone) {
  const head = `  ${m.clock.short(r.last)}  ${countText(r, "x")}  `;
  return [
    ...wrap2(whoText(r), "      ", head),
    ...wrap2(whereText(r), "      "),
    ...wrap2(clean(r.reason, 100) || "-", "      "),
    ...alone && r.session ? wrap2(`Audit session ${r.session}`, "      ") : []
  ];
}
function adminLines(m) {
  if (m.admin.length === 0) return [];
  const out = [ADMIN_TITLE.toUpperCase()];
  for (const a of m.admin) {
    const loc = shortLocation(a.location);
    const where2 = `${a.device || "?"} (${a.ip || "no IP"})${loc ? `, ${loc}` : ""}`;
    out.push(...wrap2(where2, "         ", `  ${countText(a).padStart(5)}  `));
    const who2 = `${namesText(a.accounts, a.accountsMore)} from ${namesText(a.sources, a.sourcesMore)}`;
    out.push(...wrap2(`${who2}, last ${m.clock.short(a.last)}`, "         ", "         "));
  }
  if (m.adminMore) out.push(`  ... and ${m.adminMore} other device(s)`);
  return [...out, ""];
}
function topLines(rows2, none) {
  return rows2.length ? rows2.map((r) => `  ${String(r.count).padStart(5)}  ${clean(r.value, 64) || "(none)"}`) : [`  (${none})`];
}
var init_text = __esm({
  "src/render/text.ts"() {
    "use strict";
    init_sanitize();
    init_admin();
    init_chart();
    init_look();
    init_model();
    init_words2();
    init_wrap();
  }
});

// src/render/render.ts
function render(d, opts) {
  const subject = opts.subject ?? subjectOf(d, opts);
  const model = buildModel(d, opts);
  const { html, rowsShown } = renderHtml(model, d.total, subject);
  return { subject, text: renderText(model, d.total, rowsShown), html };
}
var init_render = __esm({
  "src/render/render.ts"() {
    "use strict";
    init_html();
    init_model();
    init_text();
  }
});

// src/mail/message.ts
function mailContext(cfg) {
  return {
    device: cfg.mail.device,
    ise: cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(", ") || "(ISE_HOST not set)",
    adminUrl: cfg.mail.adminUrl
  };
}
function composeMail(cfg, digest, opts) {
  const built2 = digest.attachment();
  const attachment = built2 && built2.rows > 0 ? built2 : void 0;
  const rendered = render(digest, {
    ...opts.show,
    subjectPrefix: opts.subjectPrefix ?? cfg.mail.subjectPrefix,
    maxRows: cfg.mail.maxRows,
    timeZone: cfg.mail.timezone,
    attachmentName: opts.preview && cfg.mail.attach !== "none" ? attachmentFilename(cfg.mail.attach) : attachment?.filename,
    attachmentRows: attachment && attachment.omitted > 0 ? attachment.rows : void 0,
    test: opts.test,
    subject: opts.subject,
    mutes: opts.mutes,
    // Pushed in order, the last on top.
    leads: [...opts.leads ?? []].reverse(),
    context: mailContext(cfg)
  });
  return {
    ...rendered,
    messageId: newMessageId(cfg.mail.from, opts.now),
    headers: { ...MACHINE_HEADERS },
    attachment: attachment && {
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.bytes,
      stream: () => attachment.stream()
    }
  };
}
var MACHINE_HEADERS;
var init_message = __esm({
  "src/mail/message.ts"() {
    "use strict";
    init_attachment();
    init_render();
    init_message_id();
    MACHINE_HEADERS = {
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All"
    };
  }
});

// src/health/health-words.ts
var HEADLINE, headline;
var init_health_words = __esm({
  "src/health/health-words.ts"() {
    "use strict";
    HEADLINE = {
      "account-disabled": "pxGrid account DISABLED on ISE",
      "account-pending": "pxGrid account PENDING approval on ISE",
      account: "pxGrid account refused by ISE",
      "ise-tls": "TLS trust to ISE failed",
      "ise-timeout": "ISE does not answer in time",
      "ise-unreachable": "cannot reach ISE",
      "ise-protocol": "ISE pxGrid answers with errors",
      mail: "cannot deliver mail",
      "mail-content": "the mail server refuses the alert mail for its content",
      usage: "configuration or state error",
      state: "configuration or state error",
      locked: "another run holds the lock",
      "lock-stuck": "a run is stuck holding the lock",
      sighup: "runs are stopped before they finish (SIGHUP)",
      sigint: "runs are stopped before they finish (SIGINT)",
      sigterm: "runs are stopped before they finish (SIGTERM)",
      internal: "internal error"
    };
    headline = (kind) => HEADLINE[kind];
  }
});

// src/health/health-mail.ts
function compose(ctx, subject, head, paragraphs) {
  const lines = paragraphs.map((p) => clean(p, MAX_LINE));
  const title = clean(head.title, MAX_LINE);
  const foot2 = [
    ...ctx.mutes?.length ? [`Active mutes: ${ctx.mutes.join("; ")} (run.js mutes lists them).`] : [],
    `Sent by ise-to-mail on ${ctx.device} about its own health (docs/health.md); ISE ${ctx.ise}; times in ${ctx.zone}.`
  ];
  const text4 = wrapAll([...wrap2(`${head.word}: ${title}`), "", ...lines.flatMap((l) => [l, ""]), "-- ", ...foot2]);
  const body = [...lines.map((l) => para(esc2(l))), footer(foot2)];
  return {
    subject: clean(subject, 200),
    text: `${text4.join("\n")}
`,
    html: page(subject, [card(band(head.tone, head.label, title), body)])
  };
}
function problemMail(p, ctx) {
  const what = headline(p.kind);
  const clock = clockFor(ctx.zone, p.since, p.since);
  return compose(
    ctx,
    `${tag(ctx.prefix)} PROBLEM: ${what} since ${when(clock, p.since)}`,
    {
      tone: "alarm",
      label: `ise-to-mail PROBLEM on ${ctx.device}`,
      word: "PROBLEM",
      title: `RADIUS failures are NOT being mailed since ${clock.range(p.since, p.since)}`
    },
    [`What broke: ${what} (exit code ${p.exitCode}).`, `Reason and remedy: ${p.message}`, ...problemRepeats(p, clock)]
  );
}
function problemRepeats(p, clock) {
  const last = `last successful poll: ${when(clock, p.lastSuccess)}`;
  const keeps = "ISE keeps the failures meanwhile: the first successful run mails them all (if ISE still holds them).";
  if (p.unwritable)
    return [
      `STATE_DIR cannot be written, so no run can record anything: this mail is timed from the last state written (${when(clock, p.since)}) and repeats about hourly while this lasts; no RECOVERED note follows, the next mail of failures shows it works again; ${last}.`,
      keeps
    ];
  return [
    `${plural(p.failedRuns, "run")} failed in a row; ${last}.`,
    keeps,
    `This reminder repeats every ${stepText(p.repeatMs)} while the problem lasts; a RECOVERED note follows when ise-to-mail works again.`
  ];
}
function recoveryLines(r, found, clock, mail = "mail") {
  const what = r.lastError ? `${headline(r.lastError.kind)}; last error: ${r.lastError.message}` : "see the earlier PROBLEM mail";
  const runs = r.failedRuns > 0 ? `${plural(r.failedRuns, "failed run")}, ` : "";
  return [
    `It had failed since ${when(clock, r.since)} (${runs}${what}).`,
    found > 0 ? `The ${found} RADIUS failure${found === 1 ? "" : "s"} ISE recorded meanwhile ${found === 1 ? "is" : "are"} in this ${mail}.` : "ISE holds no new RADIUS failures from that time: there is no backlog to mail."
  ];
}
function recoveryMail(r, ctx) {
  const clock = clockFor(ctx.zone, r.back, r.back);
  return compose(
    ctx,
    `${tag(ctx.prefix)} RECOVERED: working again since ${when(clock, r.back)}`,
    { tone: "ok", label: `ise-to-mail RECOVERED on ${ctx.device}`, title: recoveredTitle(r, clock), word: "RECOVERED" },
    recoveryLines(r, 0, clock)
  );
}
function foldRecovery(mail, r, found, ctx, kind) {
  const clock = clockFor(ctx.zone, r.back, r.back);
  const title = recoveredTitle(r, clock);
  const lines = recoveryLines(r, found, clock, kind).map((l) => clean(l, MAX_LINE));
  const html = card(
    band("ok", "ise-to-mail RECOVERED", title),
    lines.map((l) => para(esc2(l)))
  );
  const { prefix } = ctx;
  const at = mail.html.indexOf(COLUMN);
  return {
    ...mail,
    // The digest's own prefix is not repeated: it keeps its counts and top reason.
    subject: clean(
      `${tag(prefix)} RECOVERED; ${mail.subject.startsWith(prefix) ? mail.subject.slice(prefix.length).trim() : mail.subject}`,
      200
    ),
    text: `${wrapAll([`RECOVERED: ${title}`, ...lines]).join("\n")}

${mail.text}`,
    html: at < 0 ? `${html}
${mail.html}` : `${mail.html.slice(0, at + COLUMN.length)}
${html}${mail.html.slice(at + COLUMN.length)}`
  };
}
var tag, MAX_LINE, healthContext, when, recoveredTitle;
var init_health_mail = __esm({
  "src/health/health-mail.ts"() {
    "use strict";
    init_plural();
    init_sanitize();
    init_message();
    init_chart();
    init_layout();
    init_time();
    init_wrap();
    init_health_words();
    tag = (prefix) => `${prefix} ise-to-mail`;
    MAX_LINE = 600;
    healthContext = (cfg, mutes) => ({
      prefix: cfg.mail.subjectPrefix,
      zone: cfg.mail.timezone,
      ...mailContext(cfg),
      mutes
    });
    when = (clock, t) => t === void 0 ? "never" : clock.zone === "UTC" ? clock.full(t).replace(/ \+00:00$/, " UTC") : clock.full(t);
    recoveredTitle = (r, clock) => `ise-to-mail is working again since ${when(clock, r.back)}`;
  }
});

// src/health/heartbeat-mail.ts
function heartbeatMail(q, ctx) {
  const clock = clockFor(ctx.zone, q.since, q.now);
  const w = q.waiting ?? { pending: 0, muted: 0 };
  const ran = `ise-to-mail is working: its poll of ISE at ${when(clock, q.now)} succeeded`;
  const waits = w.pending + w.muted > 0;
  const head = waits ? { label: `ise-to-mail working on ${ctx.device}`, title: waitText(w, clock), word: "WORKING" } : {
    label: `ise-to-mail all quiet on ${ctx.device}`,
    title: `No RADIUS failures since ${clock.short(q.since)}`,
    word: "ALL QUIET"
  };
  const subject = waits ? `working: ${waitText(w, clock)}` : `all quiet: no RADIUS failures since ${when(clock, q.since)}`;
  return compose(ctx, `${tag(ctx.prefix)} ${subject}`, { tone: "ok", ...head }, [
    waits ? `${ran}. ${waitText(w, clock, " in the spool")}; nothing was mailed since ${when(clock, q.since)}.` : `${ran}, and no RADIUS failures were mailed since ${when(clock, q.since)}.`,
    `This note comes ${q.period === "daily" ? "once a day" : "once a week"} (HEARTBEAT=${q.period}) when nothing else was mailed, so you can tell quiet from dead.`,
    "If it stops arriving, check ise-to-mail on the device (run.js doctor)."
  ]);
}
function waitText(w, clock, where2 = "") {
  const n = w.pending > 0 ? w.pending : w.muted;
  const what = `${n} ${w.pending > 0 ? "" : "muted "}RADIUS failure${n === 1 ? "" : "s"}`;
  const also = w.pending > 0 && w.muted > 0 ? ` (and ${w.muted} muted)` : "";
  const due = w.pending > 0 && w.dueAt !== void 0 ? `the digest at ${when(clock, w.dueAt)}` : "the next mail";
  return `${what}${also} ${n === 1 && !also ? "waits" : "wait"}${where2} for ${due}`;
}
var init_heartbeat_mail = __esm({
  "src/health/heartbeat-mail.ts"() {
    "use strict";
    init_time();
    init_health_mail();
  }
});

// src/health/timing.ts
function elapsed(from, to, span3) {
  return to - from >= span3 - JITTER_MS;
}
var JITTER_MS;
var init_timing = __esm({
  "src/health/timing.ts"() {
    "use strict";
    JITTER_MS = 6e4;
  }
});

// src/rollup/rollup-state.ts
function emptyRollupState() {
  return {
    total: 0,
    newest: void 0,
    oldest: void 0,
    rowsDropped: 0,
    future: 0,
    groupUsersLeft: MAX_GROUP_USERS,
    filtered: /* @__PURE__ */ new Map(),
    muted: /* @__PURE__ */ new Map(),
    rows: /* @__PURE__ */ new Map(),
    reasons: /* @__PURE__ */ new Map(),
    nas: /* @__PURE__ */ new Map(),
    users: /* @__PURE__ */ new Map(),
    endpoints: /* @__PURE__ */ new Map(),
    timeline: emptyTimeline()
  };
}
function countFailure(s, v, attempts, future) {
  s.total++;
  if (future) s.future++;
  s.newest = maxTime(s.newest, v.time);
  s.oldest = minTime(s.oldest, v.time);
  countInto(s.users, v.user);
  if (v.endpoint) countInto(s.endpoints, v.endpoint);
  addGroups(s, v, attempts);
  addRow(s, v, attempts);
  countAt(s.timeline, v.time, v.reason);
}
function addRow(s, v, attempts) {
  const key = rowKey(v);
  const row = s.rows.get(key);
  if (row) {
    addSpan(row, v.time, attempts);
    if (v.time !== void 0 && v.time === row.last)
      Object.assign(row, { location: v.location, port: v.port, psn: v.psn, session: v.session });
  } else if (s.rows.size < MAX_ROWS) {
    s.rows.set(key, { ...v, count: 1, attempts, first: v.time, last: v.time });
  } else {
    s.rowsDropped++;
  }
}
function addGroups(s, v, attempts) {
  let reason = s.reasons.get(v.reason);
  if (!reason && s.reasons.size < MAX_KEYS2) {
    reason = newGroup({ reason: v.reason, ...emptySpan() });
    s.reasons.set(v.reason, reason);
  }
  const key = nasKey2(v.nasName, v.nasIp);
  let nas = s.nas.get(key);
  if (!nas && s.nas.size < MAX_KEYS2) {
    nas = newGroup({ name: v.nasName, ip: v.nasIp, location: v.location, ...emptySpan() });
    s.nas.set(key, nas);
  }
  if (reason) countInGroup(s, reason, v, attempts);
  if (nas) countInGroup(s, nas, v, attempts);
}
function countInGroup(s, g, v, attempts) {
  addSpan(g.row, v.time, attempts);
  const { users } = g;
  if (users.size < MAX_KEYS2 && s.groupUsersLeft > 0) {
    const before = users.size;
    if (users.add(v.user).size > before) s.groupUsersLeft--;
  } else if (!users.has(v.user)) g.capped = true;
}
function addSpan(s, t, attempts) {
  s.count++;
  s.attempts += attempts;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}
function countInto(map, key) {
  const n = map.get(key);
  if (n !== void 0) map.set(key, n + 1);
  else if (map.size < MAX_KEYS2) map.set(key, 1);
}
var MAX_KEYS2, MAX_ROWS, MAX_GROUP_USERS, SEP, rowKey, nasKey2, emptySpan, newGroup, minTime, maxTime;
var init_rollup_state = __esm({
  "src/rollup/rollup-state.ts"() {
    "use strict";
    init_timeline();
    MAX_KEYS2 = 1e4;
    MAX_ROWS = 2e3;
    MAX_GROUP_USERS = 1e5;
    SEP = "\0";
    rowKey = (v) => `${v.user}${SEP}${v.endpoint}${SEP}${v.nasName}${SEP}${v.nasIp}${SEP}${v.reason}`;
    nasKey2 = (name, ip) => `${name}${SEP}${ip}`;
    emptySpan = () => ({ count: 0, attempts: 0, users: 0, first: void 0, last: void 0 });
    newGroup = (row) => ({ row, users: /* @__PURE__ */ new Set(), capped: false });
    minTime = (a, b) => a === void 0 ? b : b === void 0 ? a : Math.min(a, b);
    maxTime = (a, b) => a === void 0 ? b : b === void 0 ? a : Math.max(a, b);
  }
});

// src/spool/digest-json.ts
function digestJson() {
  const str2 = string2();
  const bool2 = boolean2();
  const time2 = nullable(number2());
  const count3 = count();
  const span3 = { count: count3, attempts: count3, first: time2, last: time2 };
  const counts = array(tuple([str2, count3]));
  const view = {
    time: time2,
    user: str2,
    endpoint: str2,
    nasName: str2,
    nasIp: str2,
    reason: str2,
    location: str2,
    port: optional(str2),
    psn: optional(str2),
    session: optional(str2),
    admin: optional(bool2)
  };
  const users = array(str2);
  return object({
    total: count3,
    newest: time2,
    oldest: time2,
    rowsDropped: count3,
    future: count3,
    groupUsersLeft: int2(),
    filtered: counts,
    muted: counts,
    rows: array(object({ ...view, ...span3 })),
    reasons: array(object({ reason: str2, ...span3, users, capped: bool2 })),
    nas: array(object({ name: str2, ip: str2, location: str2, ...span3, users, capped: bool2 })),
    users: counts,
    endpoints: counts,
    // Optional: a spool written before the chart existed has none.
    timeline: optional(object({ stepMs: int2(6e4), slots: array(tuple([int2(), counts])) }))
  });
}
function digestToJson(s) {
  const spanOf = (x) => ({ count: x.count, attempts: x.attempts, first: nul(x.first), last: nul(x.last) });
  return {
    total: s.total,
    newest: nul(s.newest),
    oldest: nul(s.oldest),
    rowsDropped: s.rowsDropped,
    future: s.future,
    groupUsersLeft: s.groupUsersLeft,
    filtered: [...s.filtered],
    muted: [...s.muted],
    rows: [...s.rows.values()].map((r) => ({ ...r, ...spanOf(r), time: nul(r.time) })),
    reasons: [...s.reasons.values()].map((g) => ({
      reason: g.row.reason,
      ...spanOf(g.row),
      users: [...g.users],
      capped: g.capped
    })),
    nas: [...s.nas.values()].map(({ row, users, capped }) => ({
      name: row.name,
      ip: row.ip,
      location: row.location,
      ...spanOf(row),
      users: [...users],
      capped
    })),
    users: [...s.users],
    endpoints: [...s.endpoints],
    timeline: { stepMs: s.timeline.stepMs, slots: [...s.timeline.slots].map(([k, cell]) => [k, [...cell]]) }
  };
}
function timelineFromJson(j) {
  const tl = emptyTimeline();
  if (!j) return tl;
  tl.stepMs = j.stepMs;
  for (const [slot, cell] of j.slots) {
    tl.slots.set(slot, new Map(cell));
    tl.cells += cell.length;
    for (const [reason] of cell) tl.reasons.add(reason);
  }
  return tl;
}
function digestFromJson(j) {
  const spanOf = (x) => ({
    count: x.count,
    attempts: x.attempts,
    first: und(x.first),
    last: und(x.last)
  });
  const rows2 = j.rows.map((r) => ({ ...r, ...spanOf(r), time: und(r.time) }));
  return {
    total: j.total,
    newest: und(j.newest),
    oldest: und(j.oldest),
    rowsDropped: j.rowsDropped,
    future: j.future,
    groupUsersLeft: j.groupUsersLeft,
    filtered: new Map(j.filtered),
    muted: new Map(j.muted),
    rows: new Map(rows2.map((r) => [rowKey(r), r])),
    reasons: new Map(
      j.reasons.map((g) => [
        g.reason,
        { row: { reason: g.reason, ...spanOf(g), users: 0 }, users: new Set(g.users), capped: g.capped }
      ])
    ),
    nas: new Map(
      j.nas.map(({ users, capped, ...g }) => [
        nasKey2(g.name, g.ip),
        { row: { ...g, ...spanOf(g), users: 0 }, users: new Set(users), capped }
      ])
    ),
    users: new Map(j.users),
    endpoints: new Map(j.endpoints),
    timeline: timelineFromJson(j.timeline)
  };
}
var nul, und;
var init_digest_json = __esm({
  "src/spool/digest-json.ts"() {
    "use strict";
    init_mini();
    init_shape();
    init_rollup_state();
    init_timeline();
    nul = (t) => t ?? null;
    und = (t) => t ?? void 0;
  }
});

// src/spool/manifest.ts
function readManifest(stateDir) {
  const data = readStateJson((0, import_node_path6.join)(spoolDir(stateDir), MANIFEST), manifestFile, RESET4);
  if (!data) return empty(1);
  const openedAt = data.openedAt === null ? void 0 : Date.parse(data.openedAt);
  return {
    ...data,
    openedAt: Number.isFinite(openedAt) ? openedAt : void 0,
    pendingCursor: data.pendingCursor ?? void 0
  };
}
function writeManifest(stateDir, m) {
  writeFileAtomic((0, import_node_path6.join)(spoolDir(stateDir), MANIFEST), serialize3(m), 384);
}
function manifestAside(stateDir, m) {
  const out = new AtomicFile((0, import_node_path6.join)(spoolDir(stateDir), MANIFEST), 384);
  out.write(serialize3(m));
  out.sync();
  return out;
}
function serialize3(m) {
  const file = {
    version: 1,
    openedAt: m.openedAt === void 0 ? null : new Date(m.openedAt).toISOString(),
    nextSeq: m.nextSeq,
    segments: m.segments,
    full: m.full,
    pendingCursor: m.pendingCursor ?? null,
    digest: m.digest
  };
  return `${JSON.stringify(file)}
`;
}
var import_node_path6, spoolDir, MANIFEST, RESET4, manifestFile, EMPTY_DIGEST, empty;
var init_manifest = __esm({
  "src/spool/manifest.ts"() {
    "use strict";
    import_node_path6 = require("node:path");
    init_mini();
    init_shape();
    init_rollup_state();
    init_atomic();
    init_files();
    init_digest_json();
    spoolDir = (stateDir) => (0, import_node_path6.join)(stateDir, "spool");
    MANIFEST = "spool.json";
    RESET4 = "delete the spool directory to start afresh (the failures it holds are then not mailed)";
    manifestFile = checkOf(
      () => object({
        version: literal(1),
        openedAt: nullable(string2()),
        nextSeq: int2(1),
        segments: array(
          object({
            file: matching(/^seg-\d+\.gz$/),
            format: _enum(["csv", "json"]),
            rows: count(),
            members: array(tuple([count(), count()]))
          })
        ),
        full: boolean2(),
        pendingCursor: nullable(matching(/^cursor-\d+\.json$/)),
        digest: digestJson()
      })
    );
    EMPTY_DIGEST = digestToJson(emptyRollupState());
    empty = (nextSeq) => ({
      openedAt: void 0,
      nextSeq,
      segments: [],
      full: false,
      pendingCursor: void 0,
      digest: EMPTY_DIGEST
    });
  }
});

// src/health/unwritable.ts
function lastStateWrite(stateDir) {
  let newest;
  for (const file of WRITTEN(stateDir)) {
    try {
      const t = (0, import_node_fs9.statSync)(file).mtimeMs;
      newest = newest === void 0 ? t : Math.max(newest, t);
    } catch {
    }
  }
  return newest === void 0 ? void 0 : Math.floor(newest);
}
function unwritableSchedule(alertAfterMs, since, t) {
  const first = since + alertAfterMs - JITTER_MS;
  if (t < first) return { send: false, next: first };
  const intoHour = (t - (since - JITTER_MS)) % REPEAT_MS;
  return { send: t - first < WINDOW_MS || intoHour < WINDOW_MS, next: t - intoHour + REPEAT_MS };
}
async function unwritableNote(run, h, kind, message) {
  const { cfg, t } = run;
  const written = lastStateWrite(cfg.stateDir);
  const streak = h && h.failedRuns > 0 ? h.firstFailure : void 0;
  const known = [written, streak].filter((x) => x !== void 0);
  if (known.length === 0)
    return "STATE_DIR has never been written: no failure and no PROBLEM mail can be sent until it is writable";
  const last = written === void 0 ? "never" : summaryTime(written);
  const head = `STATE_DIR cannot be written (last state written ${last})`;
  const since = Math.min(...known);
  const { send, next } = unwritableSchedule(cfg.health.alertAfterMs, since, t);
  if (!send) return `${head}: problem mail from ${summaryTime(next)}, then about hourly while this lasts`;
  if (kind === "mail") return `${head}: no problem mail, the mail server itself is what fails`;
  const problem = { kind, exitCode: KIND_EXIT[kind], message, since, failedRuns: 0, repeatMs: REPEAT_MS };
  const sent = await trySend(
    run,
    problemMail({ ...problem, lastSuccess: h?.lastSuccess, unwritable: true }, healthContext(cfg, run.mutes))
  );
  return sent === true ? `${head}: problem mail sent, repeated about hourly while this lasts` : `${head}: problem mail not delivered either (${sent}); retried about hourly`;
}
var import_node_fs9, import_node_path7, REPEAT_MS, WINDOW_MS, WRITTEN;
var init_unwritable = __esm({
  "src/health/unwritable.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs");
    import_node_path7 = require("node:path");
    init_errors();
    init_times();
    init_state();
    init_manifest();
    init_files();
    init_health_mail();
    init_health_send();
    init_timing();
    REPEAT_MS = 36e5;
    WINDOW_MS = 5 * 6e4;
    WRITTEN = (dir) => [
      stateFile.cursor(dir),
      stateFile.health(dir),
      stateFile.credentials(dir),
      incidentsFile(dir),
      (0, import_node_path7.join)(spoolDir(dir), MANIFEST)
    ];
  }
});

// src/health/run-health.ts
function clampFuture(h, t) {
  const late = TIME_FIELDS.filter((k) => (h[k] ?? Number.NEGATIVE_INFINITY) > t);
  if (late.length === 0) return { h };
  const latest = Math.max(...late.map((k) => h[k]));
  const clamped = { ...h };
  for (const k of late) clamped[k] = t;
  const ahead = `up to ${summaryTime(latest)}; was the device clock ahead?`;
  const note3 = `health.json held times in the future (${ahead}): taken as now`;
  return { h: clamped, note: note3 };
}
function recoveryDue(h, cfg, t) {
  const unmailed = h.failedRuns > 0 && h.firstFailure !== void 0 && h.lastError !== void 0 && elapsed(h.firstFailure, h.lastError.at, cfg.health.alertAfterMs);
  if (h.problemMailed === void 0 && !unmailed) return void 0;
  return { back: t, since: h.firstFailure, failedRuns: h.failedRuns, lastError: h.lastError };
}
async function onFailure(run, h, before, kind, message, failingSince = run.t) {
  const exitCode = KIND_EXIT[kind];
  const { cfg, t } = run;
  const since = Math.min(h.failedRuns === 0 || h.firstFailure === void 0 ? t : h.firstFailure, failingSince);
  const next = {
    ...h,
    failedRuns: h.failedRuns + 1,
    firstFailure: since,
    lastError: { kind, exitCode, message, at: t }
  };
  const due = elapsed(since, t, cfg.health.alertAfterMs) && (h.problemMailed === void 0 || elapsed(h.problemMailed, t, cfg.health.repeatMs));
  const unsaved = save(run, next, before);
  if (unsaved) return `${unsaved}; ${await unwritableNote(run, before, kind, message)}`;
  if (!due) return "";
  const saved = { ...next };
  const note3 = await problemNote(run, h, next);
  return [note3, save(run, next, saved)].filter(Boolean).join("; ");
}
async function problemNote(run, h, next) {
  const { cfg, t } = run;
  const { kind, exitCode, message } = next.lastError;
  const since = next.firstFailure;
  const failing = `failing since ${summaryTime(since)} (${next.failedRuns} runs)`;
  if (kind === "mail") return `${failing}: no problem mail, the mail server itself is what fails; retried next run`;
  const mail = problemMail(
    {
      kind,
      exitCode,
      message,
      since,
      failedRuns: next.failedRuns,
      lastSuccess: h.lastSuccess,
      repeatMs: cfg.health.repeatMs
    },
    healthContext(cfg, run.mutes)
  );
  const sent = await trySend(run, mail);
  if (sent === true) Object.assign(next, { problemMailed: t, lastMail: t });
  return sent === true ? `${failing}: problem mail sent` : `${failing}: problem mail not delivered either (${sent}); retried next run`;
}
async function onSuccess(run, h, before, mailed, recovery, folded, waiting = { pending: 0, muted: 0 }) {
  const { cfg, t } = run;
  const notes = [];
  let warn = false;
  const next = { ...h, failedRuns: 0 };
  let active = mailed;
  if (recovery) {
    const sent = folded || await trySend(run, recoveryMail(recovery, healthContext(cfg, run.mutes)));
    if (sent === true) Object.assign(next, { problemMailed: void 0, firstFailure: void 0 });
    notes.push(recoveryNote(folded, sent));
    warn = sent !== true;
    active ||= sent === true;
  } else {
    next.firstFailure = void 0;
  }
  if (active) Object.assign(next, { quietSince: t, lastMail: t });
  else if (heartbeatDue(cfg, h, t)) {
    const sent = await sendHeartbeat(run, h, next, waiting);
    const beat = waiting.pending + waiting.muted > 0 ? ["heartbeat", " (failures wait)"] : ["all-quiet heartbeat", ""];
    notes.push(sent === true ? `${beat[0]} sent${beat[1]}` : `${beat[0]} not delivered (${sent}); retried next run`);
    warn = sent !== true;
  }
  const stale = h.lastSuccess === void 0 || t - h.lastSuccess >= SUCCESS_REFRESH_MS;
  if (stale || !sameHealth(next, before)) next.lastSuccess = t;
  const saved = save(run, next, before);
  if (saved) notes.push(saved);
  return { notes, warn: warn || saved !== void 0 };
}
function recoveryNote(folded, sent) {
  if (folded) return "recovery note included";
  return sent === true ? "recovery mail sent" : `recovery mail not delivered (${sent}); retried next run`;
}
async function sendHeartbeat(run, h, next, waiting) {
  const { cfg, t } = run;
  const period = cfg.health.heartbeatMs === 864e5 ? "daily" : "weekly";
  const sent = await trySend(
    run,
    heartbeatMail({ since: h.quietSince, now: t, period, waiting }, healthContext(cfg, run.mutes))
  );
  const slots = Math.max(1, Math.floor((t - h.quietSince + JITTER_MS) / cfg.health.heartbeatMs));
  if (sent === true)
    Object.assign(next, {
      quietSince: h.quietSince + slots * cfg.health.heartbeatMs,
      lastHeartbeat: t,
      lastMail: t
    });
  return sent;
}
function heartbeatDue(cfg, h, t) {
  return cfg.health.heartbeatMs > 0 && h.quietSince !== void 0 && elapsed(h.quietSince, t, cfg.health.heartbeatMs);
}
function save(run, next, before) {
  try {
    saveHealth(run.cfg.stateDir, next, before);
    return void 0;
  } catch (err) {
    return `health record not saved (${describe(err)}): check that STATE_DIR is writable`;
  }
}
var SUCCESS_REFRESH_MS;
var init_run_health = __esm({
  "src/health/run-health.ts"() {
    "use strict";
    init_errors();
    init_times();
    init_health_mail();
    init_health_record();
    init_health_send();
    init_heartbeat_mail();
    init_timing();
    init_unwritable();
    SUCCESS_REFRESH_MS = 36e5;
  }
});

// src/health/watch.ts
async function watchedPoll(cfg, sys, deadline, poll2, line) {
  const run = { cfg, sys, deadline, t: sys.now() };
  run.mutes = footerMutes(cfg, run.t);
  let before;
  try {
    before = loadHealth(cfg.stateDir);
  } catch (err) {
    return pollDespite(poll2, err);
  }
  const { h, note: clamped } = clampFuture(before ?? newHealth(run.t), run.t);
  const recovery = recoveryDue(h, cfg, run.t);
  let r;
  try {
    r = await poll2(recovery);
  } catch (err) {
    const kind = err instanceof AppError ? err.kind : "internal";
    if (kind === "locked") throw err;
    const note3 = await onFailure(run, h, before, kind, redact2(cfg, errorLine(err)));
    throw note3 ? rewrap(err, note3) : err;
  }
  if ((r.unreadable ?? 0) > 0) {
    const note3 = await onFailure(run, h, before, "ise-protocol", redact2(cfg, `WARN ${line(r)}`));
    return note3 ? { ...r, notes: [...r.notes, note3] } : r;
  }
  const mailed = r.mailed > 0;
  const folded = recovery !== void 0 && r.recovered === true;
  const { notes: said2, warn } = await onSuccess(run, h, before, mailed, recovery, folded, {
    pending: r.pending,
    muted: r.muted,
    dueAt: typeof r.due === "number" ? r.due : void 0
  });
  const notes = clamped ? [clamped, ...said2] : said2;
  if (notes.length === 0) return r;
  return warn || clamped ? { ...r, notes: [...r.notes, ...notes] } : { ...r, info: [...r.info, ...notes] };
}
async function pollDespite(poll2, err) {
  const why = err instanceof AppError ? err.message : `health record unreadable: ${describe(err)}`;
  let r;
  try {
    r = await poll2();
  } catch (pollErr) {
    throw rewrap(pollErr, `also: ${why}`);
  }
  return { ...r, broken: why };
}
async function stuckLockFailure(cfg, sys, deadline, err, heldSince) {
  const run = { cfg, sys, deadline, t: sys.now() };
  run.mutes = footerMutes(cfg, run.t);
  let before;
  try {
    before = loadHealth(cfg.stateDir);
  } catch (loadErr) {
    return err.withNote(`also: ${errorLine(loadErr)}`);
  }
  const note3 = await onFailure(run, before ?? newHealth(run.t), before, err.kind, redact2(cfg, err.message), heldSince);
  return note3 ? err.withNote(note3) : err;
}
async function unwritableFailure(cfg, sys, deadline, err) {
  const run = { cfg, sys, deadline, t: sys.now() };
  let before;
  try {
    before = loadHealth(cfg.stateDir);
  } catch {
    before = void 0;
  }
  return err.withNote(await unwritableNote(run, before, err.kind, redact2(cfg, err.message)));
}
function rewrap(err, note3) {
  if (err instanceof AppError) return err.withNote(note3);
  return new AppError("internal", `internal error: ${describe(err)}; run again with --verbose and report it; ${note3}`, {
    cause: err
  });
}
var init_watch = __esm({
  "src/health/watch.ts"() {
    "use strict";
    init_errors();
    init_words();
    init_health_record();
    init_health_send();
    init_run_health();
    init_unwritable();
  }
});

// src/mutes/label.ts
function muteLabels(mutes) {
  if (mutes.active.length === 0) return void 0;
  return (record2) => {
    const m = mutes.match(record2);
    return m && clean(`${targetText(m)} (mute ${m.id}${m.note ? `: ${m.note}` : ""})`, 120);
  };
}
var init_label = __esm({
  "src/mutes/label.ts"() {
    "use strict";
    init_sanitize();
    init_target();
  }
});

// src/core/json.ts
var isObject2;
var init_json = __esm({
  "src/core/json.ts"() {
    "use strict";
    isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  }
});

// src/pxgrid/schemas.ts
function serviceNode(v) {
  if (!isObject2(v) || typeof v.nodeName !== "string" || !optionalString(v.name)) return void 0;
  if (v.properties !== void 0 && !isObject2(v.properties)) return void 0;
  return { ...v, properties: v.properties ?? {} };
}
function serviceLookupResponse(v) {
  if (!isObject2(v) || v.services !== void 0 && !Array.isArray(v.services)) return void 0;
  const services = (v.services ?? []).map(serviceNode);
  return services.every((s) => s !== void 0) ? { ...v, services } : void 0;
}
function failureRecord(v) {
  if (!isObject2(v)) return void 0;
  const { id, executionSteps: steps } = v;
  const idOk = typeof id === "string" && id.length > 0 || typeof id === "number" && Number.isFinite(id);
  v.id = idOk ? String(id) : contentId(v);
  if (steps !== void 0 && typeof steps !== "string" && !Array.isArray(steps))
    v.executionSteps = JSON.stringify(steps);
  return v;
}
function contentId(v) {
  return `${CONTENT_ID}${(0, import_node_crypto3.createHash)("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 16)}`;
}
function failedAttempts(record2) {
  const raw = record2.totalFailedAttempts ?? record2.TotalFailedAttempts;
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : 1;
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_ATTEMPTS) : 1;
}
var import_node_crypto3, optionalString, nonEmptyString, accountCreateResponse, accountActivateResponse, accessSecretResponse, CONTENT_ID, MAX_ATTEMPTS;
var init_schemas3 = __esm({
  "src/pxgrid/schemas.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto");
    init_json();
    optionalString = (v) => v === void 0 || typeof v === "string";
    nonEmptyString = (v) => typeof v === "string" && v.length > 0;
    accountCreateResponse = (v) => isObject2(v) && optionalString(v.nodeName) && nonEmptyString(v.password) ? v : void 0;
    accountActivateResponse = (v) => isObject2(v) && typeof v.accountState === "string" && optionalString(v.version) ? v : void 0;
    accessSecretResponse = (v) => isObject2(v) && nonEmptyString(v.secret) ? v : void 0;
    CONTENT_ID = "content-";
    MAX_ATTEMPTS = 1e5;
  }
});

// src/rollup/view.ts
function viewOf(r, time2 = placedTime(r.timestamp)) {
  return {
    time: time2,
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason) || NO_REASON,
    location: clean(r.location),
    port: clean(r.nasPortId, 64) || void 0,
    psn: clean(r.serverName, 64) || void 0,
    session: clean(r.auditSessionId, 64) || void 0,
    ...isAdminService(r.serviceType) ? { admin: true } : {}
  };
}
var ADMIN_SERVICE, isAdminService, NO_REASON;
var init_view = __esm({
  "src/rollup/view.ts"() {
    "use strict";
    init_sanitize();
    init_times();
    ADMIN_SERVICE = /^(login|administrative|nas[ -]?prompt)(-user)?$/i;
    isAdminService = (serviceType) => typeof serviceType === "string" && ADMIN_SERVICE.test(serviceType.trim());
    NO_REASON = "(no reason given)";
  }
});

// src/rollup/rollup.ts
function top2(map, n) {
  return [...map].map(([value, count3]) => ({ value, count: count3 })).sort((a, b) => b.count - a.count || cmp(a.value, b.value)).slice(0, n);
}
var Rollup, sum, cmp;
var init_rollup = __esm({
  "src/rollup/rollup.ts"() {
    "use strict";
    init_attachment();
    init_times();
    init_schemas3();
    init_rollup_state();
    init_view();
    init_rollup_state();
    Rollup = class {
      #s;
      #opts;
      #attachment;
      constructor(opts = {}, state = emptyRollupState()) {
        this.#opts = opts;
        this.#s = state;
        this.#attachment = createAttachment(opts.attach ?? "none", opts.attachBudget ?? Number.POSITIVE_INFINITY);
      }
      /**
       * Adds one record and returns its cleaned view; undefined when a filter dropped it (only
       * counted) or a mute keeps it out of the body (counted and attached). `time`: its instant, if
       * known already; `future`: that is after ISE's clock.
       */
      add(record2, time2, future = false) {
        const s = this.#s;
        const dropped = this.#opts.filter?.(record2);
        if (dropped) {
          s.filtered.set(dropped, (s.filtered.get(dropped) ?? 0) + 1);
          return void 0;
        }
        this.attach(record2);
        const muted = this.#opts.mute?.(record2);
        if (muted !== void 0) {
          s.muted.set(muted, (s.muted.get(muted) ?? 0) + 1);
          return void 0;
        }
        const v = viewOf(record2, time2 ?? placedTime(record2.timestamp));
        countFailure(s, v, failedAttempts(record2), future);
        return v;
      }
      /** Puts a record into the attachment only. */
      attach(record2) {
        this.#attachment?.add(record2);
        this.#opts.onAttach?.(record2);
      }
      /** The counts, for the digest spool to save. */
      get state() {
        return this.#s;
      }
      /** Records in the mail body (after filters and mutes). */
      get total() {
        return this.#s.total;
      }
      get newest() {
        return this.#s.newest;
      }
      get oldest() {
        return this.#s.oldest;
      }
      /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
      get rowsDropped() {
        return this.#s.rowsDropped;
      }
      /** Records in the mail timestamped after ISE's clock (plus skew). */
      get future() {
        return this.#s.future;
      }
      get filtered() {
        return this.#s.filtered;
      }
      get filteredTotal() {
        return sum(this.#s.filtered);
      }
      get muted() {
        return this.#s.muted;
      }
      get mutedTotal() {
        return sum(this.#s.muted);
      }
      /** Every record seen: in the body, muted, or filtered. */
      get seenTotal() {
        return this.#s.total + this.mutedTotal + this.filteredTotal;
      }
      /** Distinct users; `usersCapped` says the true number is higher. */
      get distinctUsers() {
        return this.#s.users.size;
      }
      get usersCapped() {
        return this.#s.users.size >= MAX_KEYS2;
      }
      get distinctEndpoints() {
        return this.#s.endpoints.size;
      }
      reasons() {
        return [...this.#s.reasons.values()].map((r) => ({ ...r.row, users: r.users.size, usersCapped: r.capped })).sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
      }
      nas() {
        return [...this.#s.nas.values()].map((r) => ({ ...r.row, users: r.users.size, usersCapped: r.capped })).sort((a, b) => b.count - a.count || cmp(a.name, b.name));
      }
      topUsers(n) {
        return top2(this.#s.users, n);
      }
      topEndpoints(n) {
        return top2(this.#s.endpoints, n);
      }
      /** Detail rows, newest first. */
      details() {
        return [...this.#s.rows.values()].sort(
          (a, b) => (b.last ?? 0) - (a.last ?? 0) || b.count - a.count || cmp(a.user, b.user)
        );
      }
      /** The attachment with every mailed record (finished), or undefined with MAIL_ATTACH=none. */
      attachment() {
        this.#attachment?.finish();
        return this.#attachment;
      }
      /** Frees the attachment stream of a batch that will not be mailed. */
      close() {
        this.#attachment?.close();
      }
    };
    sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
    cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  }
});

// src/state/idset.ts
function numeric(id) {
  const len = id.length;
  if (len === 0 || len > MAX_SAFE_DIGITS || len > 1 && id.charCodeAt(0) === 48) return void 0;
  for (let i = 0; i < len; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return void 0;
  }
  const n = Number(id);
  return n <= Number.MAX_SAFE_INTEGER ? n : void 0;
}
function hash(n) {
  const lo = n >>> 0;
  let h = lo ^ Math.imul((n - lo) / 4294967296, 2654435761);
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
var EMPTY, MAX_SAFE_DIGITS, IdTimeSet;
var init_idset = __esm({
  "src/state/idset.ts"() {
    "use strict";
    EMPTY = -1;
    MAX_SAFE_DIGITS = 16;
    IdTimeSet = class {
      #ids = new Float64Array(1024);
      #times = new Float64Array(1024);
      #count = 0;
      #slots = new Int32Array(2048).fill(EMPTY);
      #other = /* @__PURE__ */ new Map();
      get size() {
        return this.#count + this.#other.size;
      }
      has(id) {
        const n = numeric(id);
        if (n === void 0) return this.#other.has(id);
        return this.#slots[this.#find(n)] !== EMPTY;
      }
      /** Adds `id` unless present; returns false when it was already there. */
      add(id, time2) {
        const n = numeric(id);
        if (n !== void 0) return this.#addNumeric(n, time2 ?? Number.NaN);
        if (this.#other.has(id)) return false;
        this.#other.set(id, time2);
        return true;
      }
      /**
       * Copies in the entries of `from` whose time passes `keep` (an entry without a time counts as
       * `timeless`), without turning ids into strings: the cursor keeps ~100 000 of them after a storm.
       */
      addFrom(from, keep, timeless) {
        for (let i = 0; i < from.#count; i++) {
          const t = Number.isNaN(from.#times[i]) ? timeless : from.#times[i];
          if (keep(t)) this.#addNumeric(from.#ids[i], t);
        }
        for (const [id, t] of from.#other) if (keep(t ?? timeless)) this.add(id, t ?? timeless);
      }
      #addNumeric(n, time2) {
        const slot = this.#find(n);
        if (this.#slots[slot] !== EMPTY) return false;
        if (this.#count === this.#ids.length) this.#growColumns();
        this.#ids[this.#count] = n;
        this.#times[this.#count] = time2;
        this.#slots[slot] = this.#count++;
        if (this.#count * 2 > this.#slots.length) this.#rehash();
        return true;
      }
      *[Symbol.iterator]() {
        for (let i = 0; i < this.#count; i++) {
          const t = this.#times[i];
          yield [String(this.#ids[i]), Number.isNaN(t) ? void 0 : t];
        }
        yield* this.#other;
      }
      /** The newest time held that is not after `upTo`, if any. */
      maxTime(upTo = Number.POSITIVE_INFINITY) {
        let max = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < this.#count; i++) {
          const t = this.#times[i];
          if (t > max && t <= upTo) max = t;
        }
        for (const t of this.#other.values()) if (t !== void 0 && t > max && t <= upTo) max = t;
        return max === Number.NEGATIVE_INFINITY ? void 0 : max;
      }
      /**
       * The earliest time T such that at most `n` entries have a time at or after T (entries without a
       * time count as the oldest): what `dropBefore` needs to bring the set down to `n`.
       */
      floorFor(n) {
        if (this.size <= n) return Number.NEGATIVE_INFINITY;
        const times = new Float64Array(this.size);
        times.set(this.#times.subarray(0, this.#count));
        let i = this.#count;
        for (const t of this.#other.values()) times[i++] = t ?? Number.NaN;
        for (let j = 0; j < times.length; j++) if (Number.isNaN(times[j])) times[j] = Number.NEGATIVE_INFINITY;
        times.sort();
        return times[times.length - n - 1] + 1;
      }
      /** Drops every entry older than `floor`, and every entry without a time. */
      dropBefore(floor) {
        let kept = 0;
        for (let i = 0; i < this.#count; i++) {
          if (!(this.#times[i] >= floor)) continue;
          this.#ids[kept] = this.#ids[i];
          this.#times[kept++] = this.#times[i];
        }
        this.#count = kept;
        for (const [id, t] of this.#other) if (!(t !== void 0 && t >= floor)) this.#other.delete(id);
        this.#rehash(this.#slots.length);
      }
      /** Entries ordered by time (oldest first; entries without a time last), numeric ids first. */
      *byTime() {
        const order = Array.from({ length: this.#count }, (_, i) => i);
        const times = this.#times;
        const key = (i) => Number.isNaN(times[i]) ? Number.POSITIVE_INFINITY : times[i];
        order.sort((a, b) => key(a) - key(b) || a - b);
        for (const i of order) {
          const t = times[i];
          yield [String(this.#ids[i]), Number.isNaN(t) ? void 0 : t];
        }
        yield* [...this.#other].sort((a, b) => (a[1] ?? Number.POSITIVE_INFINITY) - (b[1] ?? Number.POSITIVE_INFINITY));
      }
      /** The slot holding `n`, or the empty slot where it belongs. */
      #find(n) {
        const mask = this.#slots.length - 1;
        let slot = hash(n) & mask;
        for (; ; ) {
          const at = this.#slots[slot];
          if (at === EMPTY || this.#ids[at] === n) return slot;
          slot = slot + 1 & mask;
        }
      }
      #growColumns() {
        const ids = new Float64Array(this.#ids.length * 2);
        ids.set(this.#ids);
        const times = new Float64Array(this.#times.length * 2);
        times.set(this.#times);
        this.#ids = ids;
        this.#times = times;
      }
      #rehash(length = this.#slots.length * 2) {
        this.#slots = new Int32Array(length).fill(EMPTY);
        const mask = this.#slots.length - 1;
        for (let i = 0; i < this.#count; i++) {
          let slot = hash(this.#ids[i]) & mask;
          while (this.#slots[slot] !== EMPTY) slot = slot + 1 & mask;
          this.#slots[slot] = i;
        }
      }
    };
  }
});

// src/state/seen-json.ts
function takePairs(text4, add) {
  const start = text4.indexOf(SEEN_START);
  if (start === -1 || text4.indexOf(SEEN_START, start + 1) !== -1) return void 0;
  if (text4[start + SEEN_START.length] === "]") return text4;
  PAIR.lastIndex = start + SEEN_START.length;
  for (; ; ) {
    const m = PAIR.exec(text4);
    if (!m) return void 0;
    add(m[1].includes("\\") ? JSON.parse(m[1]) : m[1].slice(1, -1), m[2]);
    if (m[3] === "]") break;
  }
  return `${text4.slice(0, start + SEEN_START.length)}${text4.slice(PAIR.lastIndex - 1)}`;
}
function* jsonChunks(head, pairs) {
  let chunk = [];
  let first = true;
  yield head;
  for (const [id, t] of pairs) {
    chunk.push(`[${JSON.stringify(id)},"${new Date(t ?? 0).toISOString()}"]`);
    if (chunk.length === 1e3) {
      yield `${first ? "" : ","}${chunk.join(",")}`;
      first = false;
      chunk = [];
    }
  }
  yield `${first || chunk.length === 0 ? "" : ","}${chunk.join(",")}]}
`;
}
var SEEN_START, PAIR;
var init_seen_json = __esm({
  "src/state/seen-json.ts"() {
    "use strict";
    SEEN_START = '"seen":[';
    PAIR = /\[("(?:[^"\\\u0000-\u001f]|\\.)*"),"([^"\\\u0000-\u001f]*)"\]([,\]])/y;
  }
});

// src/state/cursor.ts
function emptyCursor() {
  return { seen: new IdTimeSet() };
}
function loadCursor(stateDir) {
  return readCursorFile(stateFile.cursor(stateDir));
}
function readCursorFile(file) {
  let seen = new IdTimeSet();
  let badTime = false;
  const add = (id, time2) => {
    const t = parseIso(time2);
    badTime ||= !Number.isFinite(t);
    seen.add(id, t);
  };
  const data = readStateJson(file, cursorFile, RESET5, (text4) => {
    const rest = takePairs(text4, add);
    if (rest !== void 0) return rest;
    seen = new IdTimeSet();
    badTime = false;
    return text4;
  });
  if (!data) return emptyCursor();
  const hw = data.highWater === null ? void 0 : Date.parse(data.highWater);
  const from = data.trackedFrom === void 0 ? void 0 : Date.parse(data.trackedFrom);
  for (const entry of data.seen) {
    if (!isPair(entry)) throw stateError(`state file ${file} has an invalid entry in "seen"; ${RESET5}`);
    add(entry[0], entry[1]);
  }
  if ([hw, from].some((t) => t !== void 0 && !Number.isFinite(t)) || badTime) {
    throw stateError(`state file ${file} has an invalid time; ${RESET5}`);
  }
  return from === void 0 ? { highWater: hw, seen } : { highWater: hw, trackedFrom: from, seen };
}
function saveCursor(stateDir, cursor) {
  writeCursorFile(stateFile.cursor(stateDir), cursor);
}
function writeCursorFile(file, cursor) {
  writeFileAtomic(file, cursorChunks(cursor), 384);
}
function prepareCursor(stateDir, cursor) {
  const out = new AtomicFile(stateFile.cursor(stateDir), 384);
  for (const piece of cursorChunks(cursor)) out.write(piece);
  out.sync();
  return out;
}
function cursorChunks(cursor) {
  const hw = cursor.highWater === void 0 ? null : new Date(cursor.highWater).toISOString();
  const from = cursor.trackedFrom === void 0 ? "" : `"trackedFrom":"${new Date(cursor.trackedFrom).toISOString()}",`;
  const head = `{"version":1,"highWater":${JSON.stringify(hw)},${from}"seen":[`;
  const { seen } = cursor;
  const pairs = seen instanceof IdTimeSet ? seen.byTime() : [...seen].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
  return jsonChunks(head, pairs);
}
function queryStart(cursor, overlapMs) {
  if (!plausible(cursor.highWater)) return void 0;
  const start = cursor.highWater - overlapMs;
  return cursor.trackedFrom !== void 0 && cursor.trackedFrom > start ? cursor.trackedFrom : start;
}
function canonicalId(id) {
  return id.charCodeAt(0) === 48 && /^\d+$/.test(id) ? BigInt(id).toString() : id;
}
function advance(cursor, mailed, overlapMs, clock = {}) {
  const limit = clock.limit ?? Number.POSITIVE_INFINITY;
  let hw = plausible(cursor.highWater) ? cursor.highWater : void 0;
  if (hw !== void 0 && hw > limit) hw = clock.iseNow ?? limit;
  const newest = mailed instanceof IdTimeSet ? mailed.maxTime(limit) : maxOf(mailed.values(), limit);
  if (plausible(newest) && (hw === void 0 || newest > hw)) hw = newest;
  hw ??= clock.iseNow;
  const seen = new IdTimeSet();
  const tracked = Math.max(clock.trackedFrom ?? -Infinity, cursor.trackedFrom ?? -Infinity);
  const keepFrom = Math.max(hw === void 0 ? -Infinity : hw - overlapMs, tracked);
  const keep = (t) => t >= keepFrom;
  const timeless = hw ?? 0;
  for (const list2 of [cursor.seen, mailed]) {
    if (list2 instanceof IdTimeSet) seen.addFrom(list2, keep, timeless);
    else for (const [id, t] of list2) if (keep(t ?? timeless)) seen.add(id, t ?? timeless);
  }
  let from = keepFrom > (hw ?? Infinity) - overlapMs ? keepFrom : void 0;
  if (seen.size > MAX_TRACKED_IDS) {
    from = seen.floorFor(MAX_TRACKED_IDS);
    seen.dropBefore(from);
  }
  return from === void 0 ? { highWater: hw, seen } : { highWater: hw, trackedFrom: from, seen };
}
function maxOf(times, upTo) {
  let max;
  for (const t of times) if (t !== void 0 && t <= upTo && (max === void 0 || t > max)) max = t;
  return max;
}
var cursorFile, isPair, RESET5, MAX_TRACKED_IDS;
var init_cursor = __esm({
  "src/state/cursor.ts"() {
    "use strict";
    init_mini();
    init_errors();
    init_isotime();
    init_shape();
    init_times();
    init_atomic();
    init_files();
    init_idset();
    init_seen_json();
    cursorFile = checkOf(
      () => object({
        version: literal(1),
        highWater: nullable(string2()),
        trackedFrom: optional(string2()),
        // Pairs are checked one by one in readCursorFile, where they are read.
        seen: array(unknown())
      })
    );
    isPair = (e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string";
    RESET5 = "run once with --reset-cursor to start fresh (as on a first run: the last hour is mailed again)";
    MAX_TRACKED_IDS = 25e4;
  }
});

// src/spool/commit.ts
function commitRun(stateDir, old, writer, digest, next, now) {
  const seq = old.nextSeq;
  const seg = writer?.finish();
  failpoint("spool-segment");
  const cursorName = `cursor-${seq}.json`;
  writeCursorFile((0, import_node_path8.join)(spoolDir(stateDir), cursorName), next);
  const m = {
    openedAt: old.openedAt ?? (digest.total > 0 ? now : void 0),
    nextSeq: seq + 1,
    segments: seg ? [...old.segments, { ...seg, file: `seg-${seq}.gz` }] : old.segments,
    full: old.full || (writer?.full ?? false),
    pendingCursor: cursorName
  };
  writeManifest(stateDir, { ...m, digest: digestToJson(digest.state) });
  return m;
}
var import_node_path8;
var init_commit = __esm({
  "src/spool/commit.ts"() {
    "use strict";
    import_node_path8 = require("node:path");
    init_testing();
    init_cursor();
    init_digest_json();
    init_manifest();
  }
});

// src/spool/segments.ts
function* readMembers(path, info, damaged) {
  let fd;
  try {
    fd = (0, import_node_fs10.openSync)(path, "r");
  } catch (err) {
    damaged(`${info.file} unreadable (${errCode(err, "error")})`);
    return;
  }
  try {
    let at = 0;
    for (const [size, rows2] of info.members) {
      const buf = Buffer.allocUnsafe(size);
      const ok4 = (0, import_node_fs10.readSync)(fd, buf, 0, size, at) === size && buf[0] === 31 && buf[1] === 139;
      if (!ok4) return damaged(`${info.file} is damaged`);
      at += size;
      yield [buf, rows2];
    }
  } finally {
    (0, import_node_fs10.closeSync)(fd);
  }
}
function memberText(member) {
  try {
    return zlib().gunzipSync(member).toString("utf8");
  } catch {
    return void 0;
  }
}
function jsonRows(member) {
  const rows2 = memberText(member)?.split("\n");
  rows2?.pop();
  return rows2;
}
function attachSegments(attachment, dir, segments, note3) {
  let kept = 0;
  for (const seg of segments) {
    if (seg.format !== attachment.format) {
      note3(
        `${plural(seg.rows, "spooled row")} in ${seg.format}, but MAIL_ATTACH is now ${attachment.format}: not attached`
      );
      continue;
    }
    const damaged = (why) => note3(`spool segment ${why}: its rows are left out of the attachment (the digest's counts stay exact)`);
    for (const [member, rows2] of readMembers((0, import_node_path9.join)(dir, seg.file), seg, damaged)) {
      const lines = seg.format === "json" ? jsonRows(member) : void 0;
      if (seg.format === "csv") attachment.adoptCsv(member, rows2);
      else if (lines) for (const row of lines) attachment.addRow(row);
      else {
        damaged(`${seg.file} is damaged`);
        break;
      }
      kept += rows2;
    }
  }
  return kept;
}
var import_node_fs10, import_node_path9, BLOCK_CHARS, SegmentWriter;
var init_segments = __esm({
  "src/spool/segments.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs");
    import_node_path9 = require("node:path");
    init_attachment();
    init_gzmember();
    init_errcode();
    init_plural();
    init_atomic();
    BLOCK_CHARS = 256 * 1024;
    SegmentWriter = class {
      /** `room`: compressed bytes this segment may take; `full`: the spool was full already. */
      constructor(file, format, room, full) {
        this.file = file;
        this.format = format;
        this.#out = new AtomicFile(file);
        this.#room = room;
        this.full = full;
      }
      file;
      format;
      #out;
      #pending = [];
      #chars = 0;
      #room;
      #rows = 0;
      #members = [];
      /** Once a block did not fit, every later record is only counted (the attachment keeps the first rows). */
      full;
      add(record2) {
        if (this.full || this.format === "none") return;
        const row = attachmentRow(this.format, record2);
        const line = row.endsWith("\n") ? row : `${row}
`;
        this.#pending.push(line);
        this.#chars += line.length;
        if (this.#chars >= BLOCK_CHARS) this.#flush();
      }
      get bytes() {
        return this.#members.reduce((a, [b]) => a + b, 0);
      }
      /** Makes the segment durable; undefined when it holds no record (no file is left behind). */
      finish() {
        this.#flush();
        if (this.#rows === 0) {
          this.#out.abort();
          return void 0;
        }
        this.#out.commit();
        return { file: this.file, format: this.format, rows: this.#rows, members: [...this.#members] };
      }
      /** Drops what was written (a retried fetch starts over). */
      discard() {
        this.#out.abort();
        this.#pending = [];
        this.#chars = 0;
      }
      #flush() {
        if (this.#pending.length === 0) return;
        const gz = zlib().gzipSync(this.#pending.join(""), GZIP_OPTIONS);
        const rows2 = this.#pending.length;
        this.#pending = [];
        this.#chars = 0;
        if (gz.length > this.#room) {
          this.full = true;
          return;
        }
        this.#out.write(gz);
        this.#room -= gz.length;
        this.#members.push([gz.length, rows2]);
        this.#rows += rows2;
      }
    };
  }
});

// src/spool/merge.ts
function mergeSegments(dir, segments, file) {
  const out = new AtomicFile((0, import_node_path10.join)(dir, file));
  const members2 = [];
  let pending = [];
  let pendingRows = 0;
  let chars = 0;
  let unpacked = 0;
  const emit = (gz, rows3) => {
    out.write(gz);
    members2.push([gz.length, rows3]);
  };
  const flush = () => {
    if (pending.length > 0) emit(zlib().gzipSync(pending.join(""), GZIP_OPTIONS), pendingRows);
    pending = [];
    pendingRows = 0;
    chars = 0;
  };
  let damaged = false;
  try {
    for (const seg of segments) {
      for (const [member, rows3] of readMembers((0, import_node_path10.join)(dir, seg.file), seg, () => damaged = true)) {
        if (member.length >= SMALL_MEMBER || unpacked >= MAX_UNPACK_CHARS) {
          flush();
          emit(member, rows3);
          continue;
        }
        const text4 = memberText(member);
        if (text4 === void 0) {
          damaged = true;
          break;
        }
        unpacked += text4.length;
        pending.push(text4);
        pendingRows += rows3;
        chars += text4.length;
        if (chars >= BLOCK_CHARS) flush();
      }
      if (damaged) break;
    }
    flush();
    if (damaged) {
      out.abort();
      return void 0;
    }
    out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
  const rows2 = members2.reduce((a, [, n]) => a + n, 0);
  return { file, format: segments[0].format, rows: rows2, members: members2 };
}
function mergeAll(dir, segments, nextSeq) {
  if (segments.length <= MERGE_AT) return void 0;
  const first = /* @__PURE__ */ new Map();
  const result = { segments: [], nextSeq, made: [], replaced: /* @__PURE__ */ new Set() };
  try {
    for (const format of ["csv", "json"]) {
      const group = segments.filter((s) => s.format === format);
      const merged = group.length < 2 ? void 0 : mergeSegments(dir, group, `seg-${result.nextSeq}.gz`);
      if (!merged) continue;
      result.nextSeq++;
      result.made.push(merged.file);
      for (const s of group) result.replaced.add(s.file);
      first.set(group[0].file, merged);
    }
  } catch (err) {
    for (const f of result.made) (0, import_node_fs11.rmSync)((0, import_node_path10.join)(dir, f), { force: true });
    throw err;
  }
  if (result.made.length === 0) return void 0;
  for (const s of segments) {
    if (!result.replaced.has(s.file)) result.segments.push(s);
    else if (first.has(s.file)) result.segments.push(first.get(s.file));
  }
  return result;
}
function mergeSpool(stateDir, meta2, counts, committed) {
  const dir = spoolDir(stateDir);
  let merged;
  try {
    merged = mergeAll(dir, meta2.segments, meta2.nextSeq);
    if (!merged) return;
    failpoint("spool-merge");
    const m = { ...meta2, segments: merged.segments, nextSeq: merged.nextSeq };
    writeManifest(stateDir, { ...m, digest: digestToJson(counts) });
    committed(m);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const f of merged?.made ?? []) (0, import_node_fs11.rmSync)((0, import_node_path10.join)(dir, f), { force: true });
    return;
  }
  failpoint("spool-merged");
  for (const f of merged.replaced) (0, import_node_fs11.rmSync)((0, import_node_path10.join)(dir, f), { force: true });
}
var import_node_fs11, import_node_path10, MERGE_AT, SMALL_MEMBER, MAX_UNPACK_CHARS;
var init_merge = __esm({
  "src/spool/merge.ts"() {
    "use strict";
    import_node_fs11 = require("node:fs");
    import_node_path10 = require("node:path");
    init_gzmember();
    init_errors();
    init_testing();
    init_atomic();
    init_digest_json();
    init_manifest();
    init_segments();
    MERGE_AT = 8;
    SMALL_MEMBER = 4096;
    MAX_UNPACK_CHARS = 4 * BLOCK_CHARS;
  }
});

// src/spool/folder.ts
function realFolder(dir) {
  let st;
  try {
    st = (0, import_node_fs12.lstatSync)(dir);
  } catch {
    return false;
  }
  if (st.isDirectory()) return true;
  throw stateError(
    `${dir} is not a directory (a symlink or a file): the digest spool must be a folder of its own inside STATE_DIR; move that away (nothing was deleted) and the next run creates it`
  );
}
var import_node_fs12, DEBRIS, isDebris;
var init_folder = __esm({
  "src/spool/folder.ts"() {
    "use strict";
    import_node_fs12 = require("node:fs");
    init_errors();
    DEBRIS = /^(?:seg-\d+\.gz|cursor-\d+\.json|\.(?:seg-\d+\.gz|cursor-\d+\.json|spool\.json)\.\d+\.tmp)$/;
    isDebris = (name) => DEBRIS.test(name);
  }
});

// src/spool/recover.ts
function recoverSpool(stateDir, m) {
  const dir = spoolDir(stateDir);
  if (!realFolder(dir)) return;
  moveCursor(stateDir, m.pendingCursor);
  const keep = /* @__PURE__ */ new Set([MANIFEST, ...m.segments.map((s) => s.file)]);
  try {
    for (const f of (0, import_node_fs13.readdirSync)(dir)) if (isDebris(f) && !keep.has(f)) (0, import_node_fs13.rmSync)((0, import_node_path11.join)(dir, f), { force: true });
  } catch (err) {
    throw stateWriteError(dir, err);
  }
}
function moveCursor(stateDir, name) {
  const from = name && (0, import_node_path11.join)(spoolDir(stateDir), name);
  if (!from || !(0, import_node_fs13.existsSync)(from)) return;
  try {
    renameDurable(from, stateFile.cursor(stateDir));
  } catch (err) {
    throw stateWriteError(stateFile.cursor(stateDir), err);
  }
}
function committedCursor(stateDir, name) {
  const pending = name && (0, import_node_path11.join)(spoolDir(stateDir), name);
  return pending && (0, import_node_fs13.existsSync)(pending) ? pending : stateFile.cursor(stateDir);
}
var import_node_fs13, import_node_path11;
var init_recover = __esm({
  "src/spool/recover.ts"() {
    "use strict";
    import_node_fs13 = require("node:fs");
    import_node_path11 = require("node:path");
    init_atomic();
    init_files();
    init_folder();
    init_manifest();
  }
});

// src/spool/schedule.ts
function boundaryAfter(t, s, zone) {
  const { year, month, day } = wallParts(t, zone);
  const midnight = (d) => wallToInstant(Date.UTC(year, month - 1, day + d), zone);
  for (let d = -1; d <= 2; d++) {
    const start = midnight(d);
    const end = midnight(d + 1);
    if (end <= t) continue;
    if ("at" in s) {
      const b = s.at.map((ms) => wallToInstant(Date.UTC(year, month - 1, day + d) + ms, zone)).find((x) => x > t);
      if (b !== void 0) return b;
    } else {
      const b = t < start ? start : start + (Math.floor((t - start) / s.every) + 1) * s.every;
      return Math.min(b, end);
    }
  }
  throw new Error("no digest boundary within two days");
}
function describeSchedule(s, zone) {
  if ("at" in s) return `at ${s.at.map(hhmm).join(", ")} ${zone}`;
  return `every ${span(s.every)} from midnight ${zone}`;
}
function wallParts(t, zone) {
  let dtf = formats2.get(zone);
  if (!dtf) {
    dtf = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
    formats2.set(zone, dtf);
  }
  const p = {};
  for (const part2 of dtf.formatToParts(t)) if (part2.type !== "literal") p[part2.type] = Number(part2.value);
  return p;
}
function offsetAt(t, zone) {
  const p = wallParts(t, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1e3) * 1e3;
}
function wallToInstant(wall, zone) {
  const before = offsetAt(wall - DAY, zone);
  const after = offsetAt(wall + DAY, zone);
  const valid = [wall - before, wall - after].filter((c) => c + offsetAt(c, zone) === wall);
  return valid.length ? Math.min(...valid) : wall - before;
}
var DAY, hhmm, span, formats2;
var init_schedule = __esm({
  "src/spool/schedule.ts"() {
    "use strict";
    DAY = 864e5;
    hhmm = (ms) => `${String(Math.floor(ms / 36e5)).padStart(2, "0")}:${String(Math.floor(ms / 6e4) % 60).padStart(2, "0")}`;
    span = (ms) => ms % 36e5 === 0 ? `${ms / 36e5}h` : ms % 6e4 === 0 ? `${ms / 6e4}m` : `${ms / 1e3}s`;
    formats2 = /* @__PURE__ */ new Map();
  }
});

// src/spool/send.ts
function rollupToSend(opts, counts, dir, segments) {
  const d = new Rollup(opts, counts);
  const notes = [];
  const attachment = d.attachment();
  if (!attachment) return { rollup: d, notes };
  const kept = attachSegments(attachment, dir, segments, (why) => notes.push(why));
  const missing = d.total + d.mutedTotal - kept;
  if (missing > 0) attachment.omit(missing);
  return { rollup: d, notes };
}
var init_send = __esm({
  "src/spool/send.ts"() {
    "use strict";
    init_rollup();
    init_segments();
  }
});

// src/spool/spool.ts
var import_node_fs14, import_node_path12, Spool;
var init_spool = __esm({
  "src/spool/spool.ts"() {
    "use strict";
    import_node_fs14 = require("node:fs");
    import_node_path12 = require("node:path");
    init_errcode();
    init_testing();
    init_rollup();
    init_commit();
    init_digest_json();
    init_manifest();
    init_merge();
    init_recover();
    init_schedule();
    init_segments();
    init_send();
    Spool = class _Spool {
      constructor(stateDir, { digest, ...meta2 }) {
        this.stateDir = stateDir;
        this.dir = spoolDir(stateDir);
        this.#m = meta2;
        this.#json = digest;
      }
      stateDir;
      dir;
      #m;
      // The spooled counts: as read from spool.json until a run commits, then the committed run's own
      // state (no second copy of a storm's tables in memory while its digest is sent).
      #json;
      #state;
      #writer;
      #emptied;
      /** Reads the spool; with `recover`, first finishes what a crashed run left (the caller holds the lock). */
      static open(stateDir, recover) {
        const spool = new _Spool(stateDir, readManifest(stateDir));
        if (recover) recoverSpool(stateDir, spool.#m);
        return spool;
      }
      get openedAt() {
        return this.#m.openedAt;
      }
      /**
       * Never trusts an `openedAt` after `now` (the device clock was ahead when the spool opened, or
       * spool.json was edited): it would hold the digest back for the whole skew. It counts as opened
       * now, written at once unless `write` is false (a dry run). Returns the stored time it replaced.
       */
      clampOpenedAt(now, write) {
        const stored = this.#m.openedAt;
        if (stored === void 0 || stored <= now) return void 0;
        this.#m = { ...this.#m, openedAt: now };
        if (write) writeManifest(this.stateDir, { ...this.#m, digest: this.#json ?? digestToJson(this.#counts()) });
        return stored;
      }
      /** Failures for the mail body waiting for the next digest. */
      get total() {
        return this.#state?.total ?? this.#json.total;
      }
      get muted() {
        const counts = this.#state ? [...this.#state.muted] : this.#json.muted;
        return counts.reduce((a, [, n]) => a + n, 0);
      }
      /** Every failure the spool has counted: for the mail body, muted, or filtered out. */
      get seen() {
        const filtered = this.#state ? [...this.#state.filtered] : this.#json.filtered;
        return this.total + this.muted + filtered.reduce((a, [, n]) => a + n, 0);
      }
      /**
       * The first digest boundary after the spool opened: when the pending digest goes out. A spool not
       * open yet counts as opened at `opensAt`, if given (a dry run, which commits nothing).
       */
      dueAt(schedule, zone, opensAt) {
        const from = this.#m.openedAt ?? opensAt;
        return from === void 0 ? void 0 : boundaryAfter(from, schedule, zone);
      }
      /** The segment files holding the kept records (their attachment rows). */
      get segments() {
        return this.#m.segments;
      }
      /** Compressed bytes of the kept records. */
      get bytes() {
        return this.#m.segments.reduce((a, s) => a + s.members.reduce((x, [y]) => x + y, 0), 0);
      }
      /** The cursor file a read-only run must use: the one a crashed run committed, if any. */
      cursorFile() {
        return committedCursor(this.stateDir, this.#m.pendingCursor);
      }
      /**
       * The digest this run adds its new records to: the spooled counts, with the records for the
       * attachment going to a new segment of at most what is left of `budget`. Called again when a
       * fetch is retried: that starts over from the spooled state.
       */
      rollupForRun(opts, attach, budget) {
        this.#writer?.discard();
        const file = (0, import_node_path12.join)(this.dir, `seg-${this.#m.nextSeq}.gz`);
        const writer = new SegmentWriter(file, attach, Math.max(0, budget - this.bytes), this.#m.full);
        this.#writer = writer;
        return new Rollup({ ...opts, onAttach: (r) => writer.add(r) }, this.#counts());
      }
      /** Makes the run's records and the cursor after them durable together, then moves the cursor. */
      commit(digest, next, now) {
        const m = commitRun(this.stateDir, this.#m, this.#writer, digest, next, now);
        this.#m = m;
        this.#json = void 0;
        this.#state = digest.state;
        this.#writer = void 0;
        failpoint("spool-commit");
        moveCursor(this.stateDir, this.#m.pendingCursor);
        failpoint("spool-cursor");
        mergeSpool(this.stateDir, this.#m, this.#counts(), (m2) => {
          this.#m = m2;
        });
      }
      /** Drops an unfinished segment (the run ends without committing) and an empty spool.json written aside. */
      discard() {
        this.#writer?.discard();
        this.#writer = void 0;
        this.#emptied?.abort();
        this.#emptied = void 0;
      }
      /**
       * Writes the empty spool.json of `reset` aside now, before the digest goes: returns the error
       * code (ENOSPC) when it cannot be, so the mail can say it will be sent again.
       */
      prepareReset() {
        this.#emptied?.abort();
        try {
          this.#emptied = manifestAside(this.stateDir, empty(this.#m.nextSeq));
          return void 0;
        } catch (err) {
          this.#emptied = void 0;
          return errCode(err, "error");
        }
      }
      /** The digest as it goes out (send.ts), and what the spool lost of its attachment. */
      rollupToSend(opts) {
        return rollupToSend(opts, this.#counts(), this.dir, this.#m.segments);
      }
      /** After the digest was accepted: an empty spool, then the sent records deleted. */
      reset() {
        const old = this.#m.segments;
        const { digest, ...m } = empty(this.#m.nextSeq);
        if (this.#emptied) this.#emptied.commit();
        else writeManifest(this.stateDir, { ...m, digest });
        this.#emptied = void 0;
        this.#m = m;
        this.#json = digest;
        this.#state = void 0;
        failpoint("spool-reset");
        for (const s of old) (0, import_node_fs14.rmSync)((0, import_node_path12.join)(this.dir, s.file), { force: true });
      }
      /** The counts to build on: the committed state itself, or a fresh copy of what spool.json holds. */
      #counts() {
        return this.#state ?? digestFromJson(this.#json);
      }
    };
  }
});

// src/poll/context.ts
var minSendMs;
var init_context = __esm({
  "src/poll/context.ts"() {
    "use strict";
    minSendMs = (cfg) => Math.min(1e4, cfg.deadlineMs / 4);
  }
});

// src/pxgrid/body.ts
function bodyOf(res, fail2) {
  return {
    [Symbol.asyncIterator]: () => res[Symbol.asyncIterator](),
    each: (onChunk) => new Promise((resolve3, reject) => {
      let failed = false;
      res.on("data", (chunk) => {
        if (failed) return;
        try {
          onChunk(chunk);
        } catch (err) {
          failed = true;
          res.destroy();
          reject(err);
        }
      });
      (0, import_node_stream3.finished)(res, (err) => err ? reject(err) : resolve3());
    }),
    async text(maxBytes) {
      const parts2 = [];
      let size = 0;
      try {
        for await (const chunk of res) {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            return void 0;
          }
          parts2.push(chunk);
        }
      } catch (err) {
        throw fail2(err);
      }
      return Buffer.concat(parts2).toString("utf8");
    },
    dump: () => new Promise((resolve3) => {
      res.once("end", resolve3).once("error", () => resolve3()).once("close", resolve3);
      res.resume();
    })
  };
}
var import_node_stream3;
var init_body = __esm({
  "src/pxgrid/body.ts"() {
    "use strict";
    import_node_stream3 = require("node:stream");
  }
});

// src/pxgrid/transport-errors.ts
function deadlineError() {
  return new TransportError(
    "deadline",
    "the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)"
  );
}
function transportError(url, err, deadline, withCert = false) {
  if (err instanceof AppError) return err;
  const where2 = safeOrigin(url);
  const code3 = errCode(err);
  if (deadline?.expired() || code3 === "ABORT_ERR" || err?.name === "TimeoutError") return deadlineError();
  const msg = err instanceof Error ? err.message : "";
  const alert = /alert (handshake failure|certificate required|bad certificate|unknown ca|certificate unknown)/i.test(
    msg
  );
  if (/before secure TLS connection was established/.test(msg) || alert || /ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN)/.test(code3)) {
    return new TransportError(
      "tls",
      `cannot talk to pxGrid at ${where2}: ${withCert ? CERT_REJECTED : CERT_REQUIRED}`,
      err
    );
  }
  if (code3 === "ISE_TLS_TIMEOUT")
    return new TransportError("timeout", `cannot talk to pxGrid at ${where2}: ${msg}`, err);
  const known = TRANSPORT_HINTS[code3];
  const tls = known ? void 0 : tlsHint(code3);
  const kind = known?.[0] ?? (tls ? "tls" : "other");
  const hint = known?.[1].replace("{port}", portOf(url));
  return new TransportError(kind, `cannot talk to pxGrid at ${where2}: ${hint ?? tls ?? describe(err)}`, err);
}
function noHandshake(ms, port2) {
  return `no TLS handshake within ${Math.round(ms / 1e3)} s: is port ${port2} the pxGrid port (PXGRID_PORT)?`;
}
function portOf(url) {
  try {
    return new URL(url).port || "443";
  } catch {
    return "the configured port";
  }
}
function tlsHint(code3) {
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ISSUER/.test(code3)) {
    return `TLS verification failed (${code3}): ISE_CA does not hold the CA that signed ISE's pxGrid certificate; export it from Administration > pxGrid Services > Client Management > Certificates (or Administration > System > Certificates > Certificate Authority > CA Certificates) into ISE_CA`;
  }
  if (/SSL|TLS|ALERT/.test(code3))
    return `TLS handshake failed (${code3}); check ISE_CA, and PXGRID_CERT/PXGRID_KEY if ISE requires a client certificate`;
  return void 0;
}
function safeOrigin(url) {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid URL";
  }
}
var TRANSPORT_KIND, TransportError, CERT_REQUIRED, CERT_REJECTED, TIMED_OUT, TRANSPORT_HINTS;
var init_transport_errors = __esm({
  "src/pxgrid/transport-errors.ts"() {
    "use strict";
    init_errcode();
    init_errors();
    TRANSPORT_KIND = {
      connect: "ise-unreachable",
      tls: "ise-tls",
      timeout: "ise-unreachable",
      deadline: "ise-timeout",
      other: "ise-unreachable"
    };
    TransportError = class extends AppError {
      constructor(transport, message, cause) {
        super(TRANSPORT_KIND[transport], message, { cause });
        this.transport = transport;
        this.name = "TransportError";
      }
      transport;
    };
    CERT_REQUIRED = "ISE closed the connection during the TLS handshake, so it requires a client certificate: set PXGRID_CERT and PXGRID_KEY (generate them under Administration > pxGrid Services > Client Management > Certificates)";
    CERT_REJECTED = 'ISE rejected the client certificate PXGRID_CERT during the TLS handshake: it must be issued by a CA in Administration > System > Certificates > Trusted Certificates with "Trust for client authentication" (e.g. one generated under Administration > pxGrid Services > Client Management > Certificates)';
    TIMED_OUT = "connection timed out; check routing and firewalls between Guestshell and that ISE port";
    TRANSPORT_HINTS = {
      ECONNREFUSED: [
        "connect",
        "connection refused; check ISE_HOST and PXGRID_PORT ({port} here) and that pxGrid is enabled on that node (Administration > System > Deployment)"
      ],
      ENOTFOUND: [
        "connect",
        "host name not found; check ISE_HOST and the DNS server configured in Guestshell (/etc/resolv.conf)"
      ],
      EAI_AGAIN: ["connect", "DNS lookup failed for now; check the DNS server configured in Guestshell (/etc/resolv.conf)"],
      ECONNRESET: ["connect", "connection reset by the server; check that ISE accepts this client (pxGrid mTLS, firewall)"],
      EHOSTUNREACH: ["connect", "host unreachable; check routing from Guestshell (VRF, app-hosting gateway)"],
      ENETUNREACH: ["connect", "network unreachable; check routing from Guestshell (VRF, app-hosting gateway)"],
      ETIMEDOUT: ["timeout", TIMED_OUT],
      ISE_CONNECT_TIMEOUT: ["timeout", TIMED_OUT],
      ISE_IDLE_TIMEOUT: [
        "timeout",
        "ISE did not answer or stopped sending in time; ISE may be overloaded (check the MnT node load), try again or raise RUN_DEADLINE"
      ],
      ERR_TLS_CERT_ALTNAME_INVALID: [
        "tls",
        "TLS: ISE's certificate does not name this host; put the FQDN from ISE's pxGrid certificate (not an IP address) in ISE_HOST"
      ]
    };
  }
});

// src/pxgrid/http.ts
function jsonHeaders(payload, auth) {
  const headers = {
    "content-type": "application/json",
    accept: "application/json",
    "content-length": Buffer.byteLength(payload)
  };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString("base64")}`;
  return headers;
}
function connectTimeout(req, url, connectMs) {
  let tcp = false;
  const connectTimer = setTimeout(
    () => req.destroy(
      tcp ? codedError(noHandshake(connectMs, new URL(url).port), "ISE_TLS_TIMEOUT") : codedError("connection timed out", "ISE_CONNECT_TIMEOUT")
    ),
    connectMs
  );
  req.on("socket", (socket) => {
    if (!socket.connecting) clearTimeout(connectTimer);
    else {
      socket.once("connect", () => tcp = true);
      socket.once("secureConnect", () => clearTimeout(connectTimer));
    }
  });
  return connectTimer;
}
function isTransient(err) {
  if (err instanceof TransportError && err.transport !== "other" && err.transport !== "connect") return false;
  const code3 = err instanceof AppError ? errCode(err.cause) : "";
  return ["ECONNRESET", "EPIPE"].includes(code3);
}
var import_node_https, CONNECT_MS2, IDLE_MS, MAX_TLS, PxHttp, codedError, RETRY_STATUS;
var init_http = __esm({
  "src/pxgrid/http.ts"() {
    "use strict";
    import_node_https = require("node:https");
    init_errcode();
    init_errors();
    init_retry();
    init_body();
    init_transport_errors();
    CONNECT_MS2 = 1e4;
    IDLE_MS = 3e4;
    MAX_TLS = "TLSv1.2";
    PxHttp = class {
      constructor(tls, deadline) {
        this.deadline = deadline;
        this.#withCert = Boolean(tls.cert);
        this.#agent = new import_node_https.Agent({ ...tls, maxVersion: MAX_TLS, keepAlive: true, maxSockets: 2 });
      }
      deadline;
      #agent;
      #withCert;
      /**
       * POST JSON. Transient failures (connection reset, HTTP 502/503/504) are retried with backoff
       * inside the deadline unless `statusIsFinal` says a 5xx status means something (AccountCreate's 503).
       */
      async post(url, body, auth, opts = {}) {
        return withRetry(() => this.#once(url, body, auth), this.deadline, {
          attempts: 3,
          baseDelayMs: 1e3,
          transient: isTransient,
          again: (res) => !opts.statusIsFinal && RETRY_STATUS.has(res.status),
          discard: (res) => res.body.dump()
        });
      }
      #once(url, body, auth) {
        if (this.deadline.expired()) return Promise.reject(deadlineError());
        const payload = JSON.stringify(body ?? {});
        return new Promise((resolve3, reject) => {
          const req = (0, import_node_https.request)(url, {
            method: "POST",
            headers: jsonHeaders(payload, auth),
            agent: this.#agent,
            signal: AbortSignal.timeout(this.deadline.remaining() || 1)
          });
          const connectTimer = connectTimeout(req, url, this.deadline.cap(CONNECT_MS2));
          req.setTimeout(this.deadline.cap(IDLE_MS), () => req.destroy(codedError("no data in time", "ISE_IDLE_TIMEOUT")));
          req.on("error", (err) => {
            clearTimeout(connectTimer);
            reject(transportError(url, err, this.deadline, this.#withCert));
          });
          req.on("response", (res) => {
            clearTimeout(connectTimer);
            const date2 = res.headers.date;
            const body2 = bodyOf(res, (err) => transportError(url, err, this.deadline, this.#withCert));
            resolve3({ status: res.statusCode ?? 0, date: typeof date2 === "string" ? date2 : void 0, body: body2 });
          });
          req.end(payload);
        });
      }
      /** True once the run's deadline has passed: whatever failed then, the deadline is the cause. */
      expired() {
        return this.deadline.expired();
      }
      async close() {
        this.#agent.destroy();
      }
    };
    codedError = (message, code3) => Object.assign(new Error(message), { code: code3 });
    RETRY_STATUS = /* @__PURE__ */ new Set([502, 503, 504]);
  }
});

// src/pxgrid/control.ts
async function serviceLookup(c, auth) {
  const res = await c.call(
    "ServiceLookup",
    { name: RADIUS_SERVICE },
    auth,
    serviceLookupResponse,
    (s) => s === 401 || s === 403 ? new AppError(
      "account",
      `ISE refused ServiceLookup for ${auth.user} (HTTP ${s}): the client is not approved or not authorized; check it under ${CLIENTS}`
    ) : void 0
  );
  return res.services;
}
async function accessSecret(c, auth, peerNodeName) {
  const res = await c.call(
    "AccessSecret",
    { peerNodeName },
    auth,
    accessSecretResponse,
    (s) => s === 401 || s === 403 ? new AppError(
      "account",
      `ISE refused AccessSecret for ${auth.user} and node ${peerNodeName} (HTTP ${s}): check the client under ${CLIENTS}`
    ) : void 0
  );
  learnSecret(res.secret, `${auth.user}:${res.secret}`);
  return res.secret;
}
function serviceProperty(node, name) {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(node.properties)) if (k.toLowerCase() === want && typeof v === "string") return v;
  return void 0;
}
var RADIUS_SERVICE, CONTROL_MAX_BYTES, PxControl, CLIENTS, accountCreate, accountActivate;
var init_control = __esm({
  "src/pxgrid/control.ts"() {
    "use strict";
    init_errors();
    init_redact();
    init_schemas3();
    init_transport_errors();
    RADIUS_SERVICE = "com.cisco.ise.radius";
    CONTROL_MAX_BYTES = 1024 * 1024;
    PxControl = class {
      constructor(http, hosts2) {
        this.http = http;
        this.hosts = hosts2;
      }
      http;
      hosts;
      #preferred = 0;
      async call(method, body, auth, check, statusHint) {
        const { status, text: text4, host } = await this.#post(method, body, auth);
        if (text4 === void 0)
          throw iseError(
            `pxGrid ${method} on ${host} answered with more than ${CONTROL_MAX_BYTES} bytes (HTTP ${status}), far more than any pxGrid control answer; is ${host} a pxGrid node? check ISE_HOST`
          );
        if (status !== 200)
          throw statusHint(status) ?? iseError(
            `pxGrid ${method} on ${host} answered HTTP ${status}; check the pxGrid client in ISE (Administration > pxGrid Services)`
          );
        let json;
        try {
          json = JSON.parse(text4);
        } catch {
          throw iseError(`pxGrid ${method} on ${host} answered with something that is not JSON; is ${host} a pxGrid node?`);
        }
        const parsed = check(json);
        if (parsed === void 0)
          throw iseError(
            `pxGrid ${method} on ${host} answered in an unexpected format; check the ISE version (pxGrid 2.0 is needed)`
          );
        return parsed;
      }
      /**
       * Tries each ISE_HOST in order, moving on when one gives no HTTP answer (refused, timed out,
       * TLS failure: a node with a bad certificate must not stop alerts while another works). When
       * all fail, a TLS failure is reported before a refused connection: it is the one the operator
       * can fix from here (ISE_CA, certificate), and it proves the node was reachable.
       */
      async #post(method, body, auth) {
        const errors = [];
        for (let n = 0; n < this.hosts.length; n++) {
          const i = (this.#preferred + n) % this.hosts.length;
          const { host, port: port2 } = this.hosts[i];
          const url = `https://${host.includes(":") ? `[${host}]` : host}:${port2}/pxgrid/control/${method}`;
          try {
            const res = await this.http.post(url, body, auth, { statusIsFinal: method === "AccountCreate" });
            const text4 = await res.body.text(CONTROL_MAX_BYTES);
            this.#preferred = i;
            return { status: res.status, text: text4, host: `${host}:${port2}` };
          } catch (err) {
            if (!(err instanceof TransportError) || err.transport === "deadline") throw err;
            errors.push(err);
          }
        }
        const shown3 = errors.find((e) => e.transport === "tls") ?? errors[0];
        if (errors.length < 2) throw shown3;
        throw new TransportError(shown3.transport, `${shown3.message} (the other ISE_HOST entries failed too)`, shown3);
      }
    };
    CLIENTS = "Administration > pxGrid Services > Client Management > Clients";
    accountCreate = (c, nodeName2) => c.call("AccountCreate", { nodeName: nodeName2 }, void 0, accountCreateResponse, (s) => {
      if (s === 409)
        return new AppError(
          "account",
          `pxGrid client ${nodeName2} already exists on ISE but its password is not in STATE_DIR: have the ISE admin delete client ${nodeName2} under ${CLIENTS}, or set another PXGRID_USER, then run setup again`
        );
      if (s === 503 || s === 403)
        return new AppError(
          "account",
          `ISE refuses password-based pxGrid accounts (AccountCreate HTTP ${s}): enable "Allow password based account creation" under Administration > pxGrid Services > Settings, or use certificates (PXGRID_CERT, PXGRID_KEY)`
        );
      return void 0;
    });
    accountActivate = (c, auth, description, credentialsFile) => c.call("AccountActivate", { description }, auth, accountActivateResponse, (s) => {
      if (s !== 401) return void 0;
      if (!credentialsFile) {
        return new AppError(
          "account",
          `ISE does not accept pxGrid client ${auth.user} with this certificate (AccountActivate HTTP 401): check that PXGRID_USER is allowed for PXGRID_CERT and that the client is not deleted under ${CLIENTS}`
        );
      }
      return new AppError(
        "account",
        `ISE does not accept the stored password of pxGrid client ${auth.user} (AccountActivate HTTP 401): the client was deleted on ISE or ${credentialsFile} is from another ISE; delete that file and run setup again (if setup then reports that the client exists, the ISE admin must delete it under ${CLIENTS})`
      );
    });
  }
});

// src/pxgrid/account.ts
async function activate(cfg, control, opts) {
  const creds = await credentials(cfg, control, opts.stateDir);
  const res = await accountActivate(control, creds.auth, opts.description, creds.file);
  return { ...creds, state: res.accountState.toUpperCase() };
}
function accountStateError(nodeName2, state, again = "run again") {
  if (state === "ENABLED") return void 0;
  if (state === "PENDING") {
    return new AppError(
      "account-pending",
      `pxGrid client ${nodeName2} is PENDING approval: an ISE admin must approve it under ${CLIENTS2} (ISE 2.x: All Clients), then ${again}`
    );
  }
  if (state === "DISABLED") {
    return new AppError(
      "account-disabled",
      `pxGrid client ${nodeName2} is DISABLED on ISE: an ISE admin must enable it under ${CLIENTS2} (ISE 2.x: All Clients), then ${again}`
    );
  }
  return new AppError(
    "account",
    `pxGrid client ${nodeName2} is in state ${state}, not ENABLED: check it under ${CLIENTS2}, then ${again}`
  );
}
async function credentials(cfg, control, stateDir) {
  const nodeName2 = cfg.ise.nodeName;
  if (cfg.ise.cert) return { auth: { user: nodeName2, pass: "" }, created: false };
  const file = stateFile.credentials(stateDir);
  const stored = loadAccount(stateDir, nodeName2);
  if (stored) return { auth: { user: stored.nodeName, pass: stored.password }, file, created: false };
  if (!control) throw new AppError("account", `no pxGrid account yet (${file} is missing): run setup`);
  const room = reserveAccount(stateDir, nodeName2);
  const create2 = async () => {
    try {
      const made2 = await accountCreate(control, nodeName2);
      room.save({ nodeName: nodeName2, password: made2.password });
      return made2;
    } catch (err) {
      room.abandon();
      throw err;
    }
  };
  const made = await mustFinish(create2());
  return { auth: { user: nodeName2, pass: made.password }, file, created: true };
}
var CLIENTS2;
var init_account = __esm({
  "src/pxgrid/account.ts"() {
    "use strict";
    init_errors();
    init_interrupt();
    init_credentials();
    init_files();
    init_control();
    CLIENTS2 = "Administration > pxGrid Services > Client Management > Clients";
  }
});

// src/pxgrid/jsonbytes.ts
function decodeKey(bytes) {
  const raw = Buffer.from(bytes).toString("utf8");
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return raw;
  }
}
var QUOTE, BACKSLASH, OPEN_OBJ, CLOSE_OBJ, OPEN_ARR, CLOSE_ARR, COMMA;
var init_jsonbytes = __esm({
  "src/pxgrid/jsonbytes.ts"() {
    "use strict";
    QUOTE = 34;
    BACKSLASH = 92;
    OPEN_OBJ = 123;
    CLOSE_OBJ = 125;
    OPEN_ARR = 91;
    CLOSE_ARR = 93;
    COMMA = 44;
  }
});

// src/pxgrid/jsonlimits.ts
var MAX_KEY_BYTES, HEAD_BYTES, MAX_DEPTH, AFTER_END, NOT_OBJECT;
var init_jsonlimits = __esm({
  "src/pxgrid/jsonlimits.ts"() {
    "use strict";
    MAX_KEY_BYTES = 256;
    HEAD_BYTES = 200;
    MAX_DEPTH = 1e4;
    AFTER_END = "unexpected data after the end of the JSON response";
    NOT_OBJECT = "the response is not a JSON object";
  }
});

// src/pxgrid/jsonscan.ts
var MalformedJson, ArrayScanner;
var init_jsonscan = __esm({
  "src/pxgrid/jsonscan.ts"() {
    "use strict";
    init_jsonbytes();
    init_jsonlimits();
    MalformedJson = class extends Error {
      name = "MalformedJson";
    };
    ArrayScanner = class {
      constructor(key, onElement, maxElementBytes, onScalar, onTooDeep) {
        this.key = key;
        this.onElement = onElement;
        this.maxElementBytes = maxElementBytes;
        this.onScalar = onScalar;
        this.onTooDeep = onTooDeep;
      }
      key;
      onElement;
      maxElementBytes;
      onScalar;
      onTooDeep;
      #depth = 0;
      /** Opening byte of each open container, outermost first: a `]` must close a `[`. */
      #open = [];
      #inString = false;
      #escape = false;
      #inTarget = false;
      /** Inside the target array where a value starts: a value other than an object or array is no record. */
      #expectValue = false;
      #found = false;
      #done = false;
      #keyBytes;
      #lastKey = "";
      /** Pieces of an element that spans chunks (copied: the chunk's memory is reused). */
      #parts = [];
      #elementStart = -1;
      #elementBytes = 0;
      /** Levels the element is open beyond MAX_DEPTH: only counted (their brackets are not matched). */
      #beyond = 0;
      #tooDeep = false;
      /** True once the top-level value has closed: the response is complete (read it after end()). */
      get complete() {
        return this.#done;
      }
      /** True once the target array has begun: the top-level key held an array. */
      get found() {
        return this.#found;
      }
      /**
       * Scans `chunk` from `from` to its end, and returns its length. With `stop`, returns instead the
       * index of the `{` that starts an element of the target array, before reading it: the caller
       * reads from there on (the fast path), then calls again with the index to go on from.
       */
      scan(chunk, from, stop) {
        this.#elementStart = this.#inElement() ? 0 : -1;
        const n = chunk.length;
        for (let i = from | 0; i < n; i++) {
          if (this.#inString) {
            i = this.#scanString(chunk, i);
            continue;
          }
          const c = chunk[i];
          if (c === QUOTE) this.#startString();
          else if (c === OPEN_OBJ && stop && this.#inTarget && this.#depth === 2) return i;
          else if (c === OPEN_OBJ || c === OPEN_ARR) this.#openContainer(c, i);
          else if (c === CLOSE_OBJ || c === CLOSE_ARR) this.#close(c, chunk, i);
          else if (this.#depth === 2 && this.#inTarget && c > 32) this.#between(c);
          else if (this.#depth === 0 && c > 32) throw new MalformedJson(this.#done ? AFTER_END : NOT_OBJECT);
        }
        if (this.#elementStart >= 0) this.#keep(chunk.subarray(this.#elementStart));
        return n;
      }
      /** The caller read whole elements up to a closing `}`: no value is pending. */
      tookElements() {
        this.#expectValue = false;
      }
      #inElement() {
        return this.#inTarget && this.#depth >= 3;
      }
      /**
       * Consumes string bytes from `i`; returns the index of the closing quote, or the chunk's last
       * index when the string goes on. Jumps from quote to quote (string bytes are most of a record):
       * a quote is escaped when an odd run of backslashes precedes it. The run cannot reach back past
       * `i`, because no escape is pending at `i` once the first branch has run.
       */
      #scanString(chunk, i) {
        if (this.#keyBytes) return this.#keyByte(chunk[i], i);
        const n = chunk.length;
        if (this.#escape) {
          this.#escape = false;
          if (i + 1 >= n) return i;
          i++;
        }
        for (; ; ) {
          const q = chunk.indexOf(QUOTE, i);
          const end = q === -1 ? n : q;
          let run = 0;
          while (end - 1 - run >= i && chunk[end - 1 - run] === BACKSLASH) run++;
          if (q === -1) {
            this.#escape = run % 2 === 1;
            return n - 1;
          }
          if (run % 2 === 0) {
            this.#inString = false;
            return q;
          }
          if (q + 1 >= n) return q;
          i = q + 1;
        }
      }
      /** Top-level keys are kept byte by byte (they are short) to find the target array. */
      #keyByte(c, i) {
        if (this.#escape) this.#escape = false;
        else if (c === BACKSLASH) this.#escape = true;
        else if (c === QUOTE) {
          this.#inString = false;
          this.#lastKey = decodeKey(this.#keyBytes);
          this.#keyBytes = void 0;
          return i;
        }
        if (this.#keyBytes.length < MAX_KEY_BYTES) this.#keyBytes.push(c);
        return i;
      }
      /** A byte between the elements of the target array: a comma, or the start of a scalar value. */
      #between(c) {
        if (c === COMMA) this.#expectValue = true;
        else if (this.#expectValue) {
          this.#expectValue = false;
          this.onScalar();
        }
      }
      #startString() {
        if (this.#depth === 2 && this.#inTarget) this.#between(QUOTE);
        if (this.#depth === 0) throw new MalformedJson(this.#done ? AFTER_END : NOT_OBJECT);
        this.#inString = true;
        this.#escape = false;
        this.#keyBytes = this.#depth === 1 ? [] : void 0;
      }
      #openContainer(c, i) {
        if (this.#done) throw new MalformedJson(AFTER_END);
        if (this.#depth === 0 && c !== OPEN_OBJ) throw new MalformedJson(NOT_OBJECT);
        if (this.#depth >= MAX_DEPTH) {
          if (!this.onTooDeep || !this.#inElement())
            throw new MalformedJson(`the response is nested deeper than ${MAX_DEPTH} levels`);
          this.#tooDeep = true;
          this.#beyond++;
          return;
        }
        this.#open.push(c);
        this.#depth++;
        this.#expectValue = false;
        if (this.#depth === 2 && c === OPEN_ARR && this.#lastKey === this.key) {
          this.#inTarget = true;
          this.#found = true;
          this.#expectValue = true;
        }
        if (this.#depth === 3 && this.#inTarget) {
          this.#elementStart = i;
          this.#parts = [];
          this.#elementBytes = 0;
        }
      }
      #close(c, chunk, i) {
        if (this.#beyond > 0) {
          this.#beyond--;
          return;
        }
        const opened = this.#open.pop();
        if (opened === void 0 || opened === OPEN_OBJ !== (c === CLOSE_OBJ))
          throw new MalformedJson("unbalanced JSON in the response");
        if (this.#depth === 3 && this.#inTarget) this.#emit(chunk, i);
        this.#depth--;
        if (this.#depth === 1) this.#inTarget = false;
        if (this.#depth === 0) this.#done = true;
      }
      #emit(chunk, i) {
        const start = Math.max(this.#elementStart, 0);
        this.#elementStart = -1;
        if (this.#parts.length === 0) {
          this.#count(i + 1 - start);
          this.#hand(chunk.subarray(start, i + 1));
          return;
        }
        this.#keep(chunk.subarray(start, i + 1));
        const element = Buffer.concat(this.#parts);
        this.#parts = [];
        this.#hand(element);
      }
      #hand(element) {
        if (!this.#tooDeep) return this.onElement(element);
        this.#tooDeep = false;
        this.onTooDeep(element.subarray(0, HEAD_BYTES));
      }
      #keep(part2) {
        this.#count(part2.length);
        this.#parts.push(Buffer.from(part2));
      }
      #count(bytes) {
        this.#elementBytes += bytes;
        if (this.#elementBytes > this.maxElementBytes)
          throw new MalformedJson(`a record is larger than ${this.maxElementBytes} bytes`);
      }
    };
  }
});

// src/pxgrid/jsonstream.ts
function openings(bytes, limit) {
  let n = 0;
  for (const c of [OPEN_OBJ, OPEN_ARR])
    for (let j = bytes.indexOf(c); j !== -1; j = bytes.indexOf(c, j + 1)) if (++n > limit) return false;
  return true;
}
var NEXT_RECORD, LAST_RECORD, STASH_MAX_BYTES, ArrayElementStream;
var init_jsonstream = __esm({
  "src/pxgrid/jsonstream.ts"() {
    "use strict";
    init_jsonbytes();
    init_jsonlimits();
    init_jsonscan();
    NEXT_RECORD = Buffer.from('},{"');
    LAST_RECORD = Buffer.from("}]");
    STASH_MAX_BYTES = 64 * 1024;
    ArrayElementStream = class {
      constructor(key, onElement, maxElementBytes = 4 * 1024 * 1024, onScalar = () => void 0, parseMany, onTooDeep) {
        this.maxElementBytes = maxElementBytes;
        this.parseMany = parseMany;
        this.#scan = new ArrayScanner(key, onElement, maxElementBytes, onScalar, onTooDeep);
        this.#fast = parseMany !== void 0;
      }
      maxElementBytes;
      parseMany;
      #scan;
      /** The fast path's bytes from an element's start to the chunk's end, waiting for the next chunk. */
      #stash;
      /** False once the body showed it has no compact record boundaries (see STASH_MAX_BYTES). */
      #fast;
      /** Bytes the fast path holds back for the next chunk. */
      get heldBytes() {
        return this.#stash?.length ?? 0;
      }
      /** True once the top-level value has closed: the response is complete (read it after end()). */
      get complete() {
        return this.#scan.complete;
      }
      /** True once the target array has begun: the top-level key held an array. */
      get found() {
        return this.#scan.found;
      }
      write(chunk) {
        if (this.#stash) {
          chunk = Buffer.concat([this.#stash, chunk]);
          this.#stash = void 0;
        }
        this.#write(chunk, this.#fast);
      }
      /** The body has ended: reads what the fast path still holds. Then `complete` says whether it was whole. */
      end() {
        const rest = this.#stash;
        this.#stash = void 0;
        if (rest) this.#write(rest, false);
      }
      /** The scanner stops at each element it reaches while `fast`; from there the fast path reads on. */
      #write(chunk, fast) {
        const n = chunk.length;
        for (let i = this.#scan.scan(chunk, 0, fast); i < n; ) {
          const end = this.#manyEnd(chunk, i);
          if (end > i && this.parseMany(chunk.toString("utf8", i, end + 1))) {
            this.#scan.tookElements();
            i = this.#scan.scan(chunk, end + 1, fast);
          } else if (end < i && n - i <= STASH_MAX_BYTES) {
            this.#stash = Buffer.from(chunk.subarray(i));
            return;
          } else {
            if (end < i) this.#fast = false;
            fast = false;
            i = this.#scan.scan(chunk, i, fast);
          }
        }
      }
      /**
       * Index of the last `}` in the chunk that looks like the end of a record; -1 when the piece up to
       * it is over the size limit or holds too many opening brackets (the careful scan measures both).
       */
      #manyEnd(chunk, start) {
        const end = Math.max(chunk.lastIndexOf(NEXT_RECORD), chunk.lastIndexOf(LAST_RECORD));
        if (end < start) return end;
        return end - start < this.maxElementBytes && openings(chunk.subarray(start, end), MAX_DEPTH - 2) ? end : -1;
      }
    };
  }
});

// src/pxgrid/unreadable.ts
var MAX_NAMED, ID_IN_HEAD, Unreadable;
var init_unreadable = __esm({
  "src/pxgrid/unreadable.ts"() {
    "use strict";
    init_plural();
    init_printable();
    init_jsonlimits();
    MAX_NAMED = 3;
    ID_IN_HEAD = /"id"\s*:\s*"?([^",}\s]{1,40})/;
    Unreadable = class {
      notObject = 0;
      deep = 0;
      deepNames = [];
      get total() {
        return this.notObject + this.deep;
      }
      tooDeep(head) {
        this.deep++;
        if (this.deepNames.length >= MAX_NAMED) return;
        const text4 = head.toString("utf8");
        const id = ID_IN_HEAD.exec(text4)?.[1];
        this.deepNames.push(id ? `id ${printable(id)}` : `beginning ${printable(text4.slice(0, 40))}`);
      }
      /** `2 records unreadable (not a JSON object; nested deeper than 10000 levels, id 17)`, or undefined. */
      summary() {
        if (this.total === 0) return void 0;
        return `${plural(this.total, "record")} unreadable (${this.#why().join("; ")})`;
      }
      /** The paragraph the mail leads with, or undefined. */
      mailNote() {
        if (this.total === 0) return void 0;
        return `ISE's answer held values that could not be read: ${this.#why(true).join("; ")}. They are not in this mail. If this repeats, check the ISE version and the MnT node (Operations > Reports).`;
      }
      #why(mail = false) {
        const why = [];
        const n = this.notObject;
        if (n > 0)
          why.push(mail ? `${plural(n, "value")} that ${n === 1 ? "is" : "are"} no JSON object` : "not a JSON object");
        if (this.deep > 0) {
          const more2 = this.deep > this.deepNames.length ? `, ${this.deep - this.deepNames.length} more` : "";
          const names2 = `${this.deepNames.join(", ")}${more2}`;
          const deeper = `nested deeper than ${MAX_DEPTH} levels`;
          why.push(mail ? `${plural(this.deep, "record")} ${deeper} (${names2})` : `${deeper}, ${names2}`);
        }
        return why;
      }
    };
  }
});

// src/pxgrid/failures.ts
async function streamFailures(http, restBaseUrl2, auth, startTimestamp, sink) {
  const url = `${restBaseUrl2.replace(/\/+$/, "")}/getFailures`;
  const res = await http.post(url, startTimestamp ? { startTimestamp } : {}, auth);
  if (res.status !== 200) {
    await res.body.dump().catch(() => void 0);
    throw new ServiceStatusError(res.status, url);
  }
  const stats = { unreadable: new Unreadable(), serverDate: headerTime(res.date) };
  sink.begin(stats.serverDate);
  const parser = failureStream((record2) => sinkCall(sink, record2), stats.unreadable);
  let head = Buffer.alloc(0);
  try {
    await res.body.each((chunk) => {
      if (head.length < PREVIEW_BYTES) head = Buffer.concat([head, chunk.subarray(0, PREVIEW_BYTES - head.length)]);
      parser.write(chunk);
    });
    parser.end();
  } catch (err) {
    readFailed(err, http, url);
  }
  if (!parser.complete) throw http.expired() ? deadlineError() : iseError(TRUNCATED);
  if (!parser.found) throw iseError(noFailures(head));
  return stats;
}
function readFailed(err, http, url) {
  if (err instanceof SinkError) throw err.cause;
  if (http.expired()) throw deadlineError();
  if (err instanceof AppError) throw err;
  if (err instanceof MalformedJson) {
    throw iseError(`getFailures answered with invalid JSON (${err.message}); nothing was mailed, the next run retries`);
  }
  if (typeof err.code !== "string") throw err;
  if (err.message !== "aborted") throw transportError(url, err);
}
function noFailures(head) {
  const text4 = head.toString("utf8").replace(/\uFFFD+$/, "").replace(/\s+/g, " ");
  const more2 = head.length >= PREVIEW_BYTES ? "..." : "";
  return `getFailures answered HTTP 200 without a "failures" array (the reply began: ${text4}${more2}); nothing was mailed and the cursor is unchanged: check the ISE version and the MnT node (Operations > Reports), the next run retries`;
}
function failureStream(onRecord, unreadable) {
  const take = (record2) => record2 ? onRecord(record2) : unreadable.notObject++;
  return new ArrayElementStream(
    "failures",
    (buf) => take(parseElement(buf)),
    void 0,
    () => unreadable.notObject++,
    (text4) => {
      let values;
      try {
        values = JSON.parse(`[${text4}]`);
      } catch {
        return false;
      }
      for (const v of values) if (isObject2(v) && typeof v.id === "number" && !Number.isSafeInteger(v.id)) return false;
      for (const v of values) take(failureRecord(v));
      return true;
    },
    (head) => unreadable.tooDeep(head)
  );
}
function parseElement(buf) {
  try {
    return parseRecord(buf.toString("utf8"));
  } catch (err) {
    if (err instanceof SyntaxError) throw new MalformedJson(err.message);
    throw err;
  }
}
function sinkCall(sink, record2) {
  try {
    sink.add(record2);
  } catch (err) {
    throw new SinkError("record handler failed", { cause: err });
  }
}
function parseRecord(json) {
  let value = JSON.parse(json);
  if (isObject2(value) && typeof value.id === "number" && !Number.isSafeInteger(value.id)) {
    value = JSON.parse(json.replace(LONG_NUMERIC_ID, '$1"$2"'));
  }
  return failureRecord(value);
}
var LONG_NUMERIC_ID, PREVIEW_BYTES, SinkError, TRUNCATED, ServiceStatusError;
var init_failures = __esm({
  "src/pxgrid/failures.ts"() {
    "use strict";
    init_errors();
    init_json();
    init_times();
    init_jsonscan();
    init_jsonstream();
    init_schemas3();
    init_transport_errors();
    init_unreadable();
    LONG_NUMERIC_ID = /("id"\s*:\s*)(\d{16,})(?=\s*[,}])/;
    PREVIEW_BYTES = 120;
    SinkError = class extends Error {
    };
    TRUNCATED = "the getFailures response ended early (truncated); nothing was mailed and the cursor is unchanged: the next run retries";
    ServiceStatusError = class extends Error {
      constructor(status, url) {
        super(`getFailures answered HTTP ${status}`);
        this.status = status;
        this.url = url;
      }
      status;
      url;
    };
  }
});

// src/pxgrid/session.ts
async function fetchFailures(cfg, http, opts, startTimestamp, sink) {
  const control = new PxControl(http, cfg.ise.hosts);
  const { auth, state, file } = await activate(cfg, control, opts);
  const stateErr = accountStateError(auth.user, state);
  if (stateErr) throw stateErr;
  const nodes = await radiusNodes(control, auth);
  let firstError;
  for (const node of nodes) {
    try {
      return await fetchFromNode(
        { http, control, auth, file, description: opts.description },
        node,
        startTimestamp,
        sink
      );
    } catch (err) {
      if (err instanceof AppError && err.exitCode !== Exit.ise) throw err;
      if (err instanceof TransportError && err.transport === "deadline") throw err;
      firstError ??= err;
    }
  }
  const also = nodes.length > 1 ? ` (all ${nodes.length} RADIUS service nodes failed)` : "";
  if (firstError instanceof ServiceStatusError) {
    throw iseError(
      `the RADIUS service node answered getFailures with HTTP ${firstError.status}${also}; check the MnT node under Administration > System > Deployment and Operations > Reports`
    );
  }
  if (firstError instanceof AppError && also)
    throw new AppError(firstError.kind, `${firstError.message}${also}`, { cause: firstError });
  throw firstError;
}
async function radiusNodes(control, auth) {
  const nodes = await serviceLookup(control, auth);
  if (nodes.length === 0) {
    throw iseError(
      `ISE offers no ${RADIUS_SERVICE} service right now (ServiceLookup returned no node): check that a Monitoring (MnT) node is up with pxGrid enabled under Administration > System > Deployment, and see Administration > pxGrid Services > Diagnostics`
    );
  }
  return nodes;
}
function restBaseUrl(node) {
  const base = serviceProperty(node, "restBaseUrl");
  if (!base)
    throw iseError(
      `ServiceLookup gave RADIUS node ${node.nodeName} no restBaseUrl; check Administration > pxGrid Services > Diagnostics`
    );
  if (!/^https:\/\//i.test(base))
    throw iseError(
      `ServiceLookup gave RADIUS node ${node.nodeName} a restBaseUrl that is not https (${base.slice(0, 80)}); refusing to send credentials to it; check the pxGrid settings of that node in ISE (Administration > pxGrid Services)`
    );
  return base;
}
async function fetchFromNode(ctx, node, start, sink) {
  const base = restBaseUrl(node);
  for (let attempt2 = 0; ; attempt2++) {
    const secret = await accessSecret(ctx.control, ctx.auth, node.nodeName);
    sink.reset();
    try {
      return await streamFailures(ctx.http, base, { user: ctx.auth.user, pass: secret }, start, sink);
    } catch (err) {
      const refused2 = err instanceof ServiceStatusError && (err.status === 401 || err.status === 403);
      if (!refused2) throw err;
      if (attempt2 === 0) continue;
      const res = await accountActivate(ctx.control, ctx.auth, ctx.description, ctx.file);
      throw accountStateError(ctx.auth.user, res.accountState.toUpperCase()) ?? new AppError(
        "account",
        `ISE node ${node.nodeName} refuses pxGrid client ${ctx.auth.user} (getFailures HTTP ${err.status}) although it is ENABLED: check its authorization under Administration > pxGrid Services > Client Management > Policy`
      );
    }
  }
}
var DESCRIPTION;
var init_session = __esm({
  "src/pxgrid/session.ts"() {
    "use strict";
    init_errors();
    init_version();
    init_account();
    init_control();
    init_failures();
    init_transport_errors();
    DESCRIPTION = `ise-to-mail ${VERSION}`;
  }
});

// src/pxgrid/tls.ts
function readPem(file, what, key) {
  try {
    const pem = (0, import_node_fs15.readFileSync)(file, "utf8");
    if (!pem.includes("-----BEGIN")) throw new Error("not PEM");
    return pem;
  } catch (err) {
    const reason = errCode(err) || err.message;
    throw usageError(`cannot read ${what} ${file} (${reason}): check ${key}; it must be a PEM file`);
  }
}
function loadTls(ise, now) {
  const ca = ise.ca ? readPem(ise.ca, "the ISE CA bundle", "ISE_CA") : void 0;
  if (ca && ise.ca) checkCaBundle(ca, ise.ca);
  const cert = ise.cert ? readPem(ise.cert, "the pxGrid client certificate", "PXGRID_CERT") : void 0;
  const key = ise.key ? readPem(ise.key, "the pxGrid client key", "PXGRID_KEY") : void 0;
  if (cert && key && ise.cert && ise.key) checkKeyPair(cert, ise.cert, key, ise.key, ise.keyPassphrase, now);
  return { ca, cert, key, passphrase: ise.keyPassphrase, rejectUnauthorized: !ise.insecure };
}
function checkCaBundle(pem, file) {
  try {
    new import_node_crypto4.X509Certificate(pem);
  } catch {
    throw usageError(`ISE_CA ${file} holds no readable certificate: it must be the PEM of ISE's pxGrid root CA chain`);
  }
}
function checkKeyPair(certPem, certFile, keyPem, keyFile, passphrase, now) {
  let x509;
  try {
    x509 = new import_node_crypto4.X509Certificate(certPem);
  } catch {
    throw usageError(
      `PXGRID_CERT ${certFile} is not a readable X.509 certificate (PEM): export the pxGrid client certificate again`
    );
  }
  const key = privateKey(keyPem, keyFile, passphrase);
  if (!x509.checkPrivateKey(key)) {
    throw usageError(
      `PXGRID_KEY ${keyFile} does not belong to PXGRID_CERT ${certFile}: use the key that was generated with this certificate`
    );
  }
  if (Date.parse(x509.validTo) < now) {
    throw usageError(
      `PXGRID_CERT ${certFile} expired on ${summaryTime(Date.parse(x509.validTo))}: generate a new one under Administration > pxGrid Services > Client Management > Certificates`
    );
  }
}
function privateKey(pem, file, passphrase) {
  try {
    return (0, import_node_crypto4.createPrivateKey)({ key: pem, format: "pem", passphrase });
  } catch (err) {
    const code3 = err.code ?? "";
    if (/PASSPHRASE/.test(code3) || !passphrase && /ENCRYPTED/.test(pem)) {
      throw usageError(`PXGRID_KEY ${file} is encrypted: set PXGRID_KEY_PASSPHRASE`);
    }
    if (passphrase && /DECRYPT|BAD_PASSWORD/i.test(code3 + String(err.message))) {
      throw usageError(`PXGRID_KEY ${file} cannot be decrypted: PXGRID_KEY_PASSPHRASE is wrong`);
    }
    throw usageError(
      `PXGRID_KEY ${file} is not a readable private key (${code3 || "bad PEM"}): it must be a PEM key (PKCS#8 or traditional)`
    );
  }
}
var import_node_crypto4, import_node_fs15;
var init_tls = __esm({
  "src/pxgrid/tls.ts"() {
    "use strict";
    import_node_crypto4 = require("node:crypto");
    import_node_fs15 = require("node:fs");
    init_errcode();
    init_errors();
    init_times();
  }
});

// src/rollup/storm-groups.ts
function child(map, key) {
  let m = map.get(key);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    map.set(key, m);
  }
  return m;
}
var MAX_GROUPS, StormGroups;
var init_storm_groups = __esm({
  "src/rollup/storm-groups.ts"() {
    "use strict";
    MAX_GROUPS = 2e3;
    StormGroups = class {
      /** Groups by reason, then NAS label, then location: lookups on values seen before, no key built per record. */
      #tree = /* @__PURE__ */ new Map();
      #groups = [];
      /** NAS labels by name and IP, made once per NAS. */
      #labels = /* @__PURE__ */ new Map();
      #labelCount = 0;
      /** Records whose group was not kept because of MAX_GROUPS. */
      ungrouped = 0;
      /** Records added, grouped or not: the poll's failures in the mail body. */
      total = 0;
      add(v) {
        this.total++;
        const nas = this.#label(v.nasName, v.nasIp);
        let g = this.#tree.get(v.reason)?.get(nas)?.get(v.location);
        if (!g) {
          if (this.#groups.length >= MAX_GROUPS) {
            this.ungrouped++;
            return;
          }
          g = { reason: v.reason, nas, location: v.location, count: 0, first: v.time, last: v.time };
          child(child(this.#tree, v.reason), nas).set(v.location, g);
          this.#groups.push(g);
        }
        g.count++;
        if (v.time !== void 0) {
          if (g.first === void 0 || v.time < g.first) g.first = v.time;
          if (g.last === void 0 || v.time > g.last) g.last = v.time;
        }
      }
      #label(name, ip) {
        const known = this.#labels.get(name)?.get(ip);
        if (known !== void 0) return known;
        const label = ip && name !== ip ? `${name || "?"} (${ip})` : name;
        if (this.#labelCount < MAX_GROUPS) {
          child(this.#labels, name).set(ip, label);
          this.#labelCount++;
        }
        return label;
      }
      /** Largest first. */
      list() {
        const cmp2 = (x, y) => x < y ? -1 : x > y ? 1 : 0;
        return [...this.#groups].sort(
          (a, b) => b.count - a.count || cmp2(a.reason, b.reason) || cmp2(a.nas, b.nas) || cmp2(a.location, b.location)
        );
      }
    };
  }
});

// src/poll/placing.ts
var WHY, Placing;
var init_placing = __esm({
  "src/poll/placing.ts"() {
    "use strict";
    init_plural();
    init_printable();
    WHY = {
      "no-zone": "without a time zone",
      implausible: "outside the years 2000-2100",
      unreadable: "that is no time",
      missing: "without a timestamp"
    };
    Placing = class {
      noId = 0;
      untimed = 0;
      #examples = /* @__PURE__ */ new Map();
      unplaced(why, timestamp) {
        this.untimed++;
        const seen = this.#examples.get(why);
        if (seen) seen.n++;
        else this.#examples.set(why, { n: 1, example: printable(String(timestamp)).slice(0, 40) });
      }
      /** Notes for the summary line. */
      summary() {
        const notes = [];
        if (this.noId > 0)
          notes.push(
            `${plural(this.noId, "record")} without an id (mailed under ${this.noId === 1 ? "an id" : "ids"} made from ${this.noId === 1 ? "its" : "their"} content)`
          );
        if (this.untimed > 0)
          notes.push(`${plural(this.untimed, "record")} whose time cannot be placed (mailed without a time)`);
        return notes;
      }
      /** Paragraphs on top of the mail. */
      mail() {
        const notes = [];
        if (this.noId > 0)
          notes.push(
            `ISE sent ${plural(this.noId, "failure")} without an id: mailed under an id made from the record's content (content-...), so a record ISE serves again is not mailed twice.`
          );
        if (this.untimed > 0) {
          const kinds = [...this.#examples].map(
            ([why, { n, example }]) => why === "missing" ? `${n} ${WHY[why]}` : `${n} ${WHY[why]} (e.g. ${example})`
          );
          notes.push(
            `${plural(this.untimed, "failure")} in this mail carry a time that cannot be placed: ${kinds.join(", ")}. They are mailed without a time in the tables (the attachment holds the timestamp as ISE sent it) and do not move the cursor. Check the time settings of the ISE node that logged them.`
          );
        }
        return notes;
      }
    };
  }
});

// src/poll/poll-window.ts
function pollWindow(start, iseNow, localNow) {
  if (iseNow !== void 0)
    return { from: start ?? iseNow - DEFAULT_WINDOW_MS - FUTURE_SKEW_MS, limit: iseNow + FUTURE_SKEW_MS, iseNow };
  return { from: start, limit: plausible(localNow) ? localNow + LOCAL_SKEW_MS : LATEST };
}
var FUTURE_SKEW_MS, LOCAL_SKEW_MS, DEFAULT_WINDOW_MS;
var init_poll_window = __esm({
  "src/poll/poll-window.ts"() {
    "use strict";
    init_times();
    FUTURE_SKEW_MS = 5 * 6e4;
    LOCAL_SKEW_MS = 3 * 36e5;
    DEFAULT_WINDOW_MS = 36e5;
  }
});

// src/poll/batch.ts
var Batch;
var init_batch = __esm({
  "src/poll/batch.ts"() {
    "use strict";
    init_times();
    init_schemas3();
    init_rollup();
    init_storm_groups();
    init_cursor();
    init_idset();
    init_placing();
    init_poll_window();
    Batch = class {
      /**
       * `newRollup` sets up filters and the attachment; filtered records still land in `mailed`.
       * `start`: the startTimestamp asked for; `localNow`: the device clock, used only without ISE's.
       */
      constructor(seen, newRollup = () => new Rollup(), opts = {}) {
        this.seen = seen;
        this.newRollup = newRollup;
        this.opts = opts;
        this.rollup = newRollup();
        this.window = pollWindow(opts.start, void 0, opts.localNow ?? Number.NaN);
        this.incidents = opts.incidents;
        this.incidents?.restart();
      }
      seen;
      newRollup;
      opts;
      rollup;
      groups = new StormGroups();
      mailed = new IdTimeSet();
      /** Records dropped because an earlier run already mailed them (overlap window). */
      alreadyMailed = 0;
      /** Records older than the query start: ISE ignored startTimestamp; an earlier run had them. */
      older = 0;
      /** Ids before this time are no longer kept: the batch held more than MAX_TRACKED_IDS. */
      trackedFrom;
      /** New records without an id, or whose time cannot be placed: mailed, and said so. */
      placing = new Placing();
      window;
      incidents;
      reset() {
        this.rollup.close();
        this.rollup = this.newRollup();
        this.groups = new StormGroups();
        this.mailed = new IdTimeSet();
        this.alreadyMailed = 0;
        this.older = 0;
        this.trackedFrom = void 0;
        this.placing = new Placing();
        this.incidents?.restart();
      }
      begin(iseNow) {
        this.window = pollWindow(this.opts.start, iseNow, this.opts.localNow ?? Number.NaN);
        this.incidents?.clock(this.window.iseNow);
      }
      add(record2) {
        const raw = recordTime(record2.timestamp);
        const why = unplaced(record2.timestamp, raw);
        const t = why === void 0 ? raw : void 0;
        if (t !== void 0 && this.window.from !== void 0 && t < this.window.from) {
          this.older++;
          return;
        }
        const id = canonicalId(record2.id);
        if (this.seen.has(id) || !this.#track(id, t)) {
          this.alreadyMailed++;
          return;
        }
        if (why !== void 0) this.placing.unplaced(why, record2.timestamp);
        if (record2.id.startsWith(CONTENT_ID)) this.placing.noId++;
        this.deliver(record2, t, t !== void 0 && t > this.window.limit);
      }
      /**
       * Where each new record goes, once: into the digest, which is this run's mail
       * (ALERT_MODE=each-run, poll.ts) or the digest spool's counts and rows (digest mode, muted
       * failures waiting: digest-poll.ts); the digest applies filters and mutes. The incident rules
       * see what the mail body shows: a filtered or muted failure is no evidence.
       */
      deliver(record2, time2, future) {
        const view = this.rollup.add(record2, time2, future);
        if (!view) {
          this.incidents?.known(record2);
          return;
        }
        this.groups.add(view);
        this.incidents?.observe(record2);
      }
      /** Remembers a new id; false when it is already there. Beyond the cap the oldest half goes. */
      #track(id, t) {
        if (t !== void 0 && this.trackedFrom !== void 0 && t < this.trackedFrom) return true;
        if (this.mailed.size >= MAX_TRACKED_IDS) {
          this.trackedFrom = Math.max(this.trackedFrom ?? -Infinity, this.mailed.floorFor(MAX_TRACKED_IDS / 2));
          this.mailed.dropBefore(this.trackedFrom);
          if (t !== void 0 && t < this.trackedFrom) return true;
        }
        return this.mailed.add(id, t);
      }
    };
  }
});

// src/poll/fetch.ts
async function fetchBatch(ctx, cursor, newRollup) {
  const { cfg, opts, deadline, io, sys, incidents } = ctx;
  const now = sys.now();
  const start = opts.since ?? queryStart(cursor, cfg.overlapMs);
  const startIso = start === void 0 ? void 0 : new Date(start).toISOString();
  io.debug(`getFailures ${startIso ? `startTimestamp=${startIso}` : "{} (ISE default: the last hour)"}`);
  const seen = opts.since !== void 0 ? /* @__PURE__ */ new Map() : cursor.seen;
  const batch = new Batch(seen, newRollup, { start, localNow: now, incidents });
  const http = new PxHttp(loadTls(cfg.ise, now), deadline);
  try {
    const stats = await fetchFailures(cfg, http, { stateDir: cfg.stateDir, description: DESCRIPTION }, startIso, batch);
    const { seenTotal } = batch.rollup;
    io.debug(`received ${seenTotal} new, ${batch.alreadyMailed} already mailed, ${stats.unreadable.total} unreadable`);
    return { batch, ...stats };
  } finally {
    await http.close();
  }
}
function nextCursor(cfg, cursor, batch) {
  const { iseNow, limit } = batch.window;
  return advance(cursor, batch.mailed, cfg.overlapMs, { iseNow, limit, trackedFrom: batch.trackedFrom });
}
function commitEmpty(cfg, cursor, next, reset) {
  if (next.highWater === cursor.highWater && next.trackedFrom === cursor.trackedFrom && !reset) return;
  if (next.highWater !== void 0 || reset) saveCursor(cfg.stateDir, next);
}
function recoveryFor(opts, f) {
  return f.unreadable.total > 0 ? void 0 : opts.recovery;
}
var init_fetch = __esm({
  "src/poll/fetch.ts"() {
    "use strict";
    init_http();
    init_session();
    init_tls();
    init_cursor();
    init_batch();
  }
});

// src/incidents/merge.ts
function nasShare(c, nas) {
  if (!c.tally || nas === void 0 || c.tally.weight === 0) return 0;
  return (c.tally.nas.get(nas) ?? 0) / c.tally.weight;
}
function coveredBy(c, open2) {
  const id = candidateId(c);
  const same = open2.find((i) => i.id === id);
  if (same) return same;
  const cause = open2.find((i) => causes(i, c));
  if (cause) return cause;
  const likely = c.scope === "nas" ? causeOf({ ...c, scope: "reason" }) : causeOf(c);
  if (likely !== void 0) {
    const same2 = open2.find((i) => i.scope === "reason" && causeOf(i) === likely);
    if (same2) return same2;
  }
  switch (c.scope) {
    case "nas":
      return open2.find((i) => i.scope === "reason" && i.code === c.code);
    case "reason":
      return open2.find((i) => i.scope === "nas" && i.code === c.code && nasShare(c, i.nas) >= CONCENTRATED);
    case "subject":
      return open2.find(
        (i) => i.scope === "reason" && i.code === c.code || i.scope === "nas" && i.code === c.code && i.nas === c.nas
      );
    default:
      return void 0;
  }
}
function causes(i, c, share = 0) {
  if (c.scope === "store" || c.scope === "source" || c.scope === "admin" || c.scope === "all") return false;
  if (i.scope === "reason" && (c.scope === "reason" || c.scope === "nas") && SUPPLICANT_SILENT.has(c.code ?? ""))
    return (i.codes ?? [i.code ?? ""]).some((code3) => SERVER_CERT.has(code3));
  if (i.scope === "store") return c.code !== void 0 && STORE_DOWN.has(c.code);
  if (i.scope !== "source" || c.code !== i.code) return false;
  return c.scope === "reason" ? share >= 0.5 : c.nas === i.nas;
}
function fold(all) {
  const named = all.filter((c) => c.scope === "store" || c.scope === "source" || c.scope === "admin");
  const candidates = all.filter(
    (c) => !named.some((n) => causes(n, c, (n.tally?.weight ?? 0) / Math.max(1, c.tally?.weight ?? 0)))
  );
  const kept = [...named];
  const codes3 = new Set(candidates.filter((c) => c.scope === "nas" || c.scope === "reason").map((c) => c.code));
  for (const code3 of codes3) {
    const nas = candidates.filter((c) => c.scope === "nas" && c.code === code3);
    const wide = candidates.filter((c) => c.scope === "reason" && c.code === code3);
    if (wide.length === 0) {
      kept.push(...nas);
    } else if (nas.length === 1 && nasShare(wide[0], nas[0].nas) >= CONCENTRATED) {
      kept.push(withEvidence(nas[0], wide));
    } else {
      const [first, ...rest] = [...wide].sort(
        (a, b) => a.rule === "new-reason" ? -1 : b.rule === "new-reason" ? 1 : 0
      );
      kept.push(withEvidence(first, rest, nasLine(first)));
    }
  }
  return [...byCause(kept), ...lockouts(candidates, kept)];
}
function byCause(kept) {
  const out = [];
  for (const c of kept) {
    const host = c.scope === "reason" ? out.find((o) => causes(o, c)) : void 0;
    if (host) {
      out[out.indexOf(host)] = withEvidence(host, [c]);
      continue;
    }
    const cause = causeOf(c);
    const same = cause === void 0 ? void 0 : out.find((o) => causeOf(o) === cause);
    if (!same) {
      out.push(c);
      continue;
    }
    const [big, small] = (same.tally?.weight ?? 0) >= (c.tally?.weight ?? 0) ? [same, c] : [c, same];
    const merged = withEvidence(big, [small]);
    merged.codes = [.../* @__PURE__ */ new Set([...big.codes ?? [big.code], ...small.codes ?? [small.code]])];
    out[out.indexOf(same)] = merged;
  }
  return out;
}
function lockouts(candidates, kept) {
  const out = [];
  for (const c of candidates) {
    if (c.scope === "all") out.push(c);
    if (c.scope === "subject" && !coveredBy(
      c,
      kept.map((k) => ({ ...k, id: candidateId(k) }))
    ))
      out.push(c);
  }
  return out;
}
function withEvidence(c, others, extra) {
  const lines = [...c.evidence, ...others.flatMap((o) => o.evidence)];
  return { ...c, evidence: extra ? [...lines, extra] : lines };
}
function nasLine(c) {
  if (!c.tally || c.tally.nas.size < 2) return void 0;
  const top4 = [...c.tally.nas].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  const more2 = c.tally.nas.size - top4.length;
  return `Most affected NAS: ${top4.map(([n, w]) => `${n || "?"} (${w})`).join(", ")}${more2 > 0 ? `, and ${more2} more` : ""}.`;
}
var CONCENTRATED, candidateId, causeOf;
var init_merge2 = __esm({
  "src/incidents/merge.ts"() {
    "use strict";
    init_hints();
    init_codes();
    CONCENTRATED = 0.7;
    candidateId = (c) => {
      if (c.scope === "nas") return `nas:${c.nas}:${c.code}`;
      if (c.scope === "reason") return `reason:${c.code}`;
      if (c.scope === "subject") return `subject:${c.subject}`;
      if (c.scope === "source") return `source:${c.endpoint ?? `${c.nas} ${c.port}`}`;
      if (c.scope === "store") return "store:ad";
      if (c.scope === "admin") return c.nas !== void 0 ? `admin:nas:${c.nas}` : `admin:user:${c.subject}`;
      return `all:${c.rule}`;
    };
    causeOf = (c) => c.scope === "reason" ? hintFor(c.reason ?? c.tally?.reason ?? "")?.cause : void 0;
  }
});

// src/incidents/words.ts
function codeWithCause(code3, reason, users = 1) {
  const hint = hintFor(reason);
  const perUser = USER_LEVEL.has(code3) && users >= 3;
  return hint ? `${code3} (${perUser ? hint.short : hint.cause ?? hint.short})` : code3 === reason ? code3 : `${code3} ${reason.slice(code3.length).trim().slice(0, 40)}`;
}
function who(t) {
  const users = t.users.size >= t.endpoints.size;
  const set = users ? t.users : t.endpoints;
  return `${set.text} ${users ? "user" : "endpoint"}${set.text === "1" ? "" : "s"}`;
}
function poissonBound(mean2, p) {
  let pmf = Math.exp(-mean2);
  let below = 0;
  let k = 0;
  while (1 - below - pmf >= p && k < 1e4) {
    below += pmf;
    k++;
    pmf *= mean2 / k;
  }
  return k + 1;
}
function top3(m, n) {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([k]) => k);
}
function names(m, n = 2) {
  const shown3 = top3(m, n).map((k) => k || "?");
  return `${shown3.join(", ")}${m.size > n ? ` (+${m.size - n})` : ""}`;
}
function siteOf(t) {
  if (!t || t.sites.size === 0) return "";
  const [first] = top3(t.sites, 1);
  return t.sites.size === 1 ? ` (${first})` : ` (${first} and ${plural(t.sites.size - 1, "more site")})`;
}
var mins, about, nasWideThreshold, MANY_USERS_HINT, manyUsersHint;
var init_words3 = __esm({
  "src/incidents/words.ts"() {
    "use strict";
    init_plural();
    init_hints();
    init_codes();
    mins = (ms) => `${Math.round(ms / 6e4)} min`;
    about = (x) => x < 10 ? String(Math.round(x * 10) / 10) : String(Math.round(x));
    nasWideThreshold = (min, factor, usual) => Math.max(min, Math.ceil(factor * usual), poissonBound(usual, 1e-6));
    MANY_USERS_HINT = "Many users at once, so not their own passwords: look at the Endpoints line for guessing (many names from few endpoints: shut that port), then at what changed for them (identity source, a NAS RADIUS key with PAP, an account sync).";
    manyUsersHint = (code3) => USER_LEVEL.has(code3) ? MANY_USERS_HINT : void 0;
  }
});

// src/incidents/rules.ts
function nasWide(x) {
  const { min, factor, windowMs } = x.settings.nasWide;
  const out = [];
  for (const [key, tally] of x.run.byNasCode) {
    const [nas, code3] = splitNasKey(key);
    const n = x.windows.distinct(key);
    const usual = x.baseline.nasLevel(nas) * x.baseline.busyness(x.now);
    if (n < nasWideThreshold(min, factor, usual)) continue;
    out.push({
      rule: "nas-wide",
      scope: "nas",
      nas,
      code: code3,
      tally,
      hint: manyUsersHint(code3),
      title: `${nas}${siteOf(tally)}: ${n} ${x.windows.mostlyUsers(key) ? "users" : "endpoints"} failing ${codeWithCause(code3, tally.reason, n)}`,
      evidence: [
        `${n} distinct users/endpoints failed with "${tally.reason}" on NAS ${nas} within ${mins(windowMs)}; this NAS usually has ${usual < 0.05 ? "none" : `about ${about(usual)}`} per reason (INCIDENT_NAS_WIDE_MIN ${min}).`
      ]
    });
  }
  return out;
}
function newReason(x) {
  if (!x.learned) return [];
  const out = [];
  for (const [code3, tally] of x.run.byCode) {
    const seen = x.reasons[code3];
    if (seen !== void 0 && seen >= x.now - x.settings.newReason.memoryMs) continue;
    if (STORE_DOWN.has(code3) && x.settings.rules.has("identity-store")) continue;
    if (USER_LEVEL.has(code3) && Math.max(tally.users.size, tally.endpoints.size) < NEW_USER_LEVEL_SUBJECTS) continue;
    const days = Math.round(x.settings.newReason.memoryMs / 864e5);
    out.push({
      rule: "new-reason",
      scope: "reason",
      code: code3,
      tally,
      title: `new reason ${codeWithCause(code3, tally.reason, tally.users.size)}: ${plural(tally.weight, "failure")}, ${who(tally)}${siteOf(tally)}`,
      evidence: [
        `"${tally.reason}" was not seen in the last ${plural(days, "day")}: ${plural(tally.weight, "failure")} from ${who(tally)} on ${plural(tally.nas.size, "NAS", "")} in this poll.`
      ]
    });
  }
  return out;
}
function spike(x) {
  const rate = x.baseline.rate(x.now);
  if (rate === void 0 || x.intervalMs === void 0) return [];
  const { min, factor } = x.settings.spike;
  const minutes = x.intervalMs / 6e4;
  const expectedAll = rate * minutes;
  const out = [];
  for (const [code3, tally] of x.run.byCode) {
    const expected = x.baseline.share(code3) * expectedAll;
    const subjects = Math.max(tally.users.size, tally.endpoints.size);
    const weight = tally.weight - (x.claimed.get(code3) ?? 0);
    if (weight < min || weight <= factor * Math.max(expected, 1) || subjects < SPIKE_SUBJECTS) continue;
    out.push({
      rule: "spike",
      scope: "reason",
      code: code3,
      tally,
      hint: manyUsersHint(code3),
      title: `${codeWithCause(code3, tally.reason, tally.users.size)}: ${tally.weight} failures, ${who(tally)}${siteOf(tally)}, normally ${about(expected)}`,
      evidence: [
        `${plural(tally.weight, "failure")} with "${tally.reason}" in ${mins(x.intervalMs)}, where about ${about(expected)} are normal at this hour of the week; ${who(tally)} on ${plural(tally.nas.size, "NAS", "")}.`
      ]
    });
  }
  const free = x.run.weight - (x.claimed.get(ALL_REASONS) ?? 0);
  if (out.length === 0 && free >= min && free > factor * Math.max(expectedAll, 1)) {
    out.push({
      rule: "spike",
      scope: "all",
      tally: void 0,
      title: `spike: ${free} failures in ${mins(x.intervalMs)}, normally ${about(expectedAll)}`,
      evidence: [
        `${plural(free, "failure")} in ${mins(x.intervalMs)} outside any open incident, where about ${about(expectedAll)} are normal at this hour of the week; no single reason stands out.`
      ]
    });
  }
  return out;
}
function lockout(x) {
  const { min, windowMs } = x.settings.lockout;
  const out = [];
  for (const [subject, entry] of x.windows.lock) {
    const tally = x.run.bySubject.get(subject);
    const n = x.windows.lockWeight(subject);
    if (!tally || n < min) continue;
    const reason = x.run.byCode.get(entry.code)?.reason ?? entry.code;
    out.push({
      rule: "lockout",
      scope: "subject",
      subject,
      code: entry.code,
      nas: entry.nas,
      // Only the user's password and lockout codes: a busy user's other failures are not the lockout.
      codes: x.settings.lockout.reasons.length ? [...x.settings.lockout.reasons] : void 0,
      tally,
      title: `${subject}${siteOf(tally)}: ${n} failures in ${mins(windowMs)}, ${codeWithCause(entry.code, reason)}`,
      evidence: [
        `${subject} failed ${plural(n, "time")} within ${mins(windowMs)} (latest on ${entry.nas || "?"}: "${reason}"): a device with a stale password, or someone guessing; the directory may lock the account.`
      ]
    });
  }
  return out;
}
function storm(x) {
  if (x.run.records <= x.settings.stormThreshold) return [];
  const top4 = [...x.run.byCode.entries()].sort((a, b) => b[1].weight - a[1].weight)[0];
  const topText = top4 ? `, top ${codeWithCause(top4[0], top4[1].reason)}` : "";
  return [
    {
      rule: "storm",
      scope: "all",
      tally: void 0,
      title: `storm: ${x.run.records} failures in one poll${topText}`,
      evidence: [
        `${plural(x.run.records, "failure")} in one poll, more than STORM_THRESHOLD (${x.settings.stormThreshold}).`
      ]
    }
  ];
}
var ALL_REASONS, NEW_USER_LEVEL_SUBJECTS, SPIKE_SUBJECTS;
var init_rules = __esm({
  "src/incidents/rules.ts"() {
    "use strict";
    init_plural();
    init_codes();
    init_rolling_window();
    init_words3();
    ALL_REASONS = "\0all";
    NEW_USER_LEVEL_SUBJECTS = 3;
    SPIKE_SUBJECTS = 3;
  }
});

// src/incidents/rules-cause.ts
function guessing(x) {
  const out = [];
  const ports = /* @__PURE__ */ new Set();
  for (const [endpoint, t] of x.run.byEndpoint) {
    if (!guessed(t)) continue;
    const [where2 = ""] = top3(t.ports, 1);
    ports.add(where2);
    out.push(guess(t, { endpoint, where: where2 }));
  }
  for (const [key, t] of x.run.byPort) {
    const [nas, port2] = splitNasKey(key);
    if (!guessed(t) || ports.has(`${nas} ${port2}`)) continue;
    out.push(guess(t, { nas, port: port2, where: `${nas} ${port2}` }));
  }
  return out;
}
function guess(t, at) {
  const code3 = codeOf(t);
  const [nas = at.nas ?? ""] = top3(t.nas, 1);
  const port2 = at.port ?? at.where.slice(nas.length + 1);
  const from = at.endpoint ? `endpoint ${at.endpoint}${port2 ? ` on ${nas} port ${port2}` : ` via ${names(t.nas)}`}` : `${plural(t.endpoints.size, "endpoint")} on ${nas} port ${port2}`;
  const shut = port2 ? `shut ${nas} port ${port2}` : `block ${at.endpoint} on ${nas}`;
  return {
    rule: "guessing",
    scope: "source",
    endpoint: at.endpoint,
    nas,
    port: at.endpoint ? void 0 : port2,
    code: code3,
    tally: t,
    title: `password guessing from ${from}${siteOf(t)}: ${t.users.text} users failing ${code3}${t.weight > 2 * t.users.size ? `, ${t.weight} attempts` : ""}`,
    evidence: [
      `${t.users.text} distinct user names failed from ${from} in this poll (${plural(t.weight, "failure")}, reasons ${names(codes2(t))}): people fail from their own devices, one name each.`
    ],
    hint: `Password guessing: ${shut} (or quarantine the endpoint, e.g. with ISE Adaptive Network Control), find the device and who plugged it in, then check the accounts it tried for lockouts and for a success.`
  };
}
function identityStore(x) {
  const t = x.run.storeDown.get("ad");
  if (!t || t.nas.size < STORE_NAS || Math.max(t.users.size, t.endpoints.size) < STORE_SUBJECTS) return [];
  const byCode = new Map([...STORE_DOWN].map((c) => [c, x.run.byCode.get(c)?.weight ?? 0]));
  const seen = new Map([...byCode].filter(([, n]) => n > 0));
  const psn = t.servers.size ? ` (PSN ${names(t.servers, 3)})` : "";
  return [
    {
      rule: "identity-store",
      scope: "store",
      code: top3(seen, 1)[0],
      tally: t,
      title: `AD unreachable from ISE${psn}: ${plural(t.weight, "failure")}, ${t.users.text} users on ${plural(t.nas.size, "NAS", "")}${siteOf(t)}`,
      evidence: [
        `Active Directory errors on ${plural(t.nas.size, "NAS", "")} in one poll: ${[...seen].map(([c, n]) => `${c} (${n})`).join(", ")}; the users' passwords are not the problem.`
      ],
      hint: "ISE cannot use Active Directory: check the AD join point on the PSNs named (Administration > Identity Management > External Identity Sources > Active Directory: node status, Test User), then DNS, routing, firewall and time from those PSNs to the domain controllers they use."
    }
  ];
}
function adminLogin(x) {
  const { min } = x.settings.adminLogin;
  const out = [];
  const covered = /* @__PURE__ */ new Set();
  for (const [nas, t] of x.run.byAdminNas) {
    if (t.weight < min) continue;
    for (const u of t.users.names) covered.add(u);
    out.push(admin(t, { nas }));
  }
  for (const [user, t] of x.run.byAdminUser) {
    if (!user || t.weight < min || covered.has(user)) continue;
    out.push(admin(t, { subject: user }));
  }
  return out;
}
function admin(t, key) {
  const device = key.nas ?? names(t.nas);
  const accounts = t.users.size ? [...t.users.names].sort().slice(0, 3).join(", ") : "?";
  const more2 = t.users.size > 3 ? ` (+${t.users.size - 3})` : "";
  const sources = t.endpoints.size ? [...t.endpoints.names].sort().slice(0, 3).join(", ") : "?";
  return {
    rule: "admin-login",
    scope: "admin",
    ...key,
    code: codeOf(t),
    tally: t,
    title: `admin login failing on ${device}${siteOf(t)}: ${plural(t.weight, "failure")} as ${accounts}${more2} from ${sources}${t.endpoints.size > 3 ? ` (+${t.endpoints.size - 3})` : ""}`,
    evidence: [
      `${plural(t.weight, "failed administrator login")} (Service-Type Login/Administrative) to ${device} in this poll, as ${plural(t.users.size, "account")} from ${plural(t.endpoints.size, "source address", "es")}: "${t.reason}".`
    ],
    hint: "Failed logins to the device's own management (SSH, HTTPS, API) with RADIUS accounts: if the source is not one of your admins, block it in the management ACL and check the account; if it is, check their password and the ISE device-administration policy."
  };
}
var GUESSING_USERS, GUESSING_ATTEMPTS, guessed, codeOf, codes2, STORE_NAS, STORE_SUBJECTS;
var init_rules_cause = __esm({
  "src/incidents/rules-cause.ts"() {
    "use strict";
    init_plural();
    init_reason();
    init_codes();
    init_rolling_window();
    init_words3();
    GUESSING_USERS = 8;
    GUESSING_ATTEMPTS = 40;
    guessed = (t) => t.users.size >= GUESSING_USERS || t.users.size >= 3 && t.weight >= GUESSING_ATTEMPTS;
    codeOf = (t) => reasonCode(t.reason) ?? t.reason.slice(0, 60);
    codes2 = (t) => /* @__PURE__ */ new Map([[codeOf(t), t.weight]]);
    STORE_NAS = 2;
    STORE_SUBJECTS = 3;
  }
});

// src/incidents/rule-table.ts
var RULE_FNS, findAll;
var init_rule_table = __esm({
  "src/incidents/rule-table.ts"() {
    "use strict";
    init_incidents();
    init_rules();
    init_rules_cause();
    RULE_FNS = {
      storm,
      "identity-store": identityStore,
      guessing,
      "admin-login": adminLogin,
      "nas-wide": nasWide,
      "new-reason": newReason,
      spike,
      lockout
    };
    findAll = (x) => RULES.filter((r) => x.settings.rules.has(r)).flatMap((r) => RULE_FNS[r](x));
  }
});

// src/incidents/candidates.ts
function freshCandidates(input, active, open2) {
  const found = findAll(input);
  const stormOpen = open2.find((i) => i.id === "all:storm" && active.has(i.id));
  const inStorm = stormOpen !== void 0 || found.some((c) => c.rule === "storm");
  const candidates = inStorm ? found.filter((c) => c.rule === "storm") : found;
  const fresh = [];
  for (const c of candidates) {
    const covering = coveredBy(c, open2);
    if (covering) active.add(covering.id);
    else fresh.push(c);
  }
  return fold(fresh);
}
var init_candidates = __esm({
  "src/incidents/candidates.ts"() {
    "use strict";
    init_merge2();
    init_rule_table();
  }
});

// src/incidents/event.ts
function eventOf(r, fallbackTime) {
  const t = placedTime(r.timestamp);
  const reason = clean(r.failureReason, 120);
  const endpoint = clean(r.callingStationId ?? r.macAddress, 64);
  const user = clean(r.userName, 64);
  return {
    time: t ?? fallbackTime,
    // The same count the mail shows for the record.
    weight: failedAttempts(r),
    spanMs: Math.min(MAX_SPAN_MS, Math.max(0, (numberField(r, "TotalFailedTime") ?? 0) * 1e3)),
    nas: clean(r.nasName ?? r.networkDeviceName, 64) || clean(r.nasIpAddress, 64),
    subject: user || endpoint,
    endpoint,
    code: reasonCode(reason) ?? reason.slice(0, 60),
    reason,
    port: /^ethernet/i.test(clean(r.nasPortType, 40)) ? clean(r.nasPortId, 64) : "",
    site: shortLocation(clean(r.location, 200)),
    server: clean(r.serverName, 64),
    admin: isAdminService(r.serviceType)
  };
}
function numberField(r, name) {
  const camel = name[0].toLowerCase() + name.slice(1);
  const v = r[name] ?? r[camel];
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : void 0;
  return n !== void 0 && Number.isFinite(n) && n >= 0 ? n : void 0;
}
var MAX_SPAN_MS;
var init_event = __esm({
  "src/incidents/event.ts"() {
    "use strict";
    init_sanitize();
    init_times();
    init_reason();
    init_schemas3();
    init_model();
    init_view();
    MAX_SPAN_MS = 864e5;
  }
});

// src/incidents/lifecycle.ts
function countMatch(match, id, e) {
  const m = match.get(id) ?? { weight: 0, last: 0, spanMs: 0 };
  m.weight += e.weight;
  if (e.time >= m.last) {
    m.last = e.time;
    m.spanMs = e.spanMs;
  }
  match.set(id, m);
}
function hold(i, x, m) {
  const w = m?.weight ?? 0;
  const minutes = perMinute(x);
  const rate = x.baseline.rate(x.now);
  const expectedAll = rate === void 0 || minutes === void 0 ? void 0 : rate * minutes;
  switch (i.scope) {
    case "nas": {
      const usual = x.baseline.nasLevel(i.nas ?? "") * x.baseline.busyness(x.now);
      return w > 0 && x.windows.distinct(nasKey(i.nas ?? "", i.code ?? "")) >= Math.max(1, Math.ceil(1.5 * usual));
    }
    case "reason":
      if (i.rule !== "spike" || expectedAll === void 0) return w > 0;
      return w > 0 && w >= Math.max(3, 2 * x.baseline.share(i.code ?? "") * expectedAll);
    case "subject":
    case "source":
    case "store":
    case "admin":
      return w > 0;
    case "all":
      if (i.rule === "storm") return x.run.records > x.settings.stormThreshold / 2;
      return x.run.weight >= Math.max(x.settings.spike.min / 2, 2 * (expectedAll ?? 0));
  }
}
function claim2(claimed, active, claims) {
  for (const [id, byCode] of claims) {
    if (!active.has(id)) continue;
    for (const [code3, w] of byCode) {
      claimed.set(code3, (claimed.get(code3) ?? 0) + w);
      claimed.set(ALL_REASONS, (claimed.get(ALL_REASONS) ?? 0) + w);
    }
  }
}
function tallyFor(i, x) {
  if (i.scope === "nas") return x.run.byNasCode.get(nasKey(i.nas ?? "", i.code ?? ""));
  if (i.scope === "reason") return x.run.byCode.get(i.code ?? "");
  if (i.scope === "subject") return x.run.bySubject.get(i.subject ?? "");
  if (i.scope === "source")
    return i.endpoint !== void 0 ? x.run.byEndpoint.get(i.endpoint) : x.run.byPort.get(nasKey(i.nas ?? "", i.port ?? ""));
  if (i.scope === "store") return x.run.storeDown.get("ad");
  if (i.scope === "admin")
    return i.nas !== void 0 ? x.run.byAdminNas.get(i.nas) : x.run.byAdminUser.get(i.subject ?? "");
  return void 0;
}
function newIncident(c, x) {
  const t = c.tally;
  let since = t?.first ?? x.run.first ?? x.now;
  if (c.scope === "nas")
    for (const seen of x.windows.nas.get(nasKey(c.nas ?? "", c.code ?? ""))?.values() ?? [])
      since = Math.min(since, seen);
  const last = t?.last ?? x.run.last ?? x.now;
  const silent = !x.learned && c.rule !== "storm";
  return {
    id: candidateId(c),
    rule: c.rule,
    scope: c.scope,
    nas: c.nas,
    code: c.code,
    subject: c.subject,
    endpoint: c.endpoint,
    port: c.port,
    codes: c.codes,
    reason: t?.reason,
    hint: c.hint,
    title: c.title,
    evidence: c.evidence,
    users: t?.users.sample() ?? [],
    usersCount: t?.users.text ?? "",
    endpoints: t?.endpoints.sample() ?? [],
    endpointsCount: t?.endpoints.text ?? "",
    since,
    last,
    quietUntil: last + x.settings.quietMs + (t?.spanMs ?? x.run.spanMs),
    openedAt: x.now,
    failures: t?.weight ?? x.run.weight,
    reported: 0,
    mailed: silent,
    silent
  };
}
function learn(x, active, match) {
  if (x.intervalMs === void 0 || active.some((i) => i.scope === "all")) return;
  const byReason = new Map([...x.run.byCode].map(([code3, t]) => [code3, t.weight]));
  let inIncidents = 0;
  for (const i of active) {
    const w = i.openedAt === x.now ? tallyFor(i, x)?.weight ?? 0 : match.get(i.id)?.weight ?? 0;
    inIncidents += w;
    if (i.code !== void 0 && byReason.has(i.code)) byReason.set(i.code, Math.max(0, byReason.get(i.code) - w));
  }
  const nasLevels = /* @__PURE__ */ new Map();
  for (const [key, subjects] of x.windows.nas) {
    const [nas, code3] = splitNasKey(key);
    if (active.some((i) => i.code === code3 && (i.scope === "reason" || i.nas === nas))) continue;
    nasLevels.set(nas, Math.max(nasLevels.get(nas) ?? 0, subjects.size));
  }
  const rate = Math.max(0, x.run.weight - inIncidents) / (x.intervalMs / 6e4);
  x.baseline.learn(x.now, x.intervalMs, rate, byReason, nasLevels);
}
function remember(known, seen, now, memoryMs) {
  const reasons = dict(known);
  for (const [code3, t] of seen) reasons[code3] = Math.max(reasons[code3] ?? 0, Math.min(t, now));
  const keep = Object.entries(reasons).filter(([, t]) => t >= now - memoryMs);
  keep.sort((a, b) => b[1] - a[1]);
  return dict(keep.slice(0, 1e3));
}
var perMinute;
var init_lifecycle = __esm({
  "src/incidents/lifecycle.ts"() {
    "use strict";
    init_dict();
    init_merge2();
    init_rolling_window();
    init_rules();
    perMinute = (x) => x.intervalMs === void 0 ? void 0 : x.intervalMs / 6e4;
  }
});

// src/incidents/tally.ts
function bump(m, key, w, max) {
  if (m.size < max || m.has(key)) m.set(key, (m.get(key) ?? 0) + w);
}
function addTo(t, e) {
  t.weight += e.weight;
  t.first = Math.min(t.first, e.time);
  t.last = Math.max(t.last, e.time);
  t.spanMs = Math.max(t.spanMs, e.spanMs);
  if (e.subject !== e.endpoint) t.users.add(e.subject);
  t.endpoints.add(e.endpoint);
  bump(t.nas, e.nas, e.weight, 1e3);
  if (e.site) bump(t.sites, e.site, e.weight, 100);
  if (e.server) bump(t.servers, e.server, e.weight, 50);
  if (e.port) bump(t.ports, `${e.nas} ${e.port}`, e.weight, 50);
}
var MAX_NAMES2, MAX_KEYS3, NameSet, newTally, RunTally;
var init_tally = __esm({
  "src/incidents/tally.ts"() {
    "use strict";
    init_codes();
    init_rolling_window();
    MAX_NAMES2 = 500;
    MAX_KEYS3 = 2e4;
    NameSet = class {
      names = /* @__PURE__ */ new Set();
      overflow = false;
      add(name) {
        if (!name) return;
        if (this.names.size < MAX_NAMES2) this.names.add(name);
        else if (!this.names.has(name)) this.overflow = true;
      }
      get size() {
        return this.names.size;
      }
      /** `12`, or `500+` when the cap was reached. */
      get text() {
        return `${this.names.size}${this.overflow ? "+" : ""}`;
      }
      sample(n = 10) {
        return [...this.names].sort().slice(0, n);
      }
    };
    newTally = (e) => ({
      weight: 0,
      reason: e.reason,
      first: e.time,
      last: e.time,
      spanMs: 0,
      users: new NameSet(),
      endpoints: new NameSet(),
      nas: /* @__PURE__ */ new Map(),
      sites: /* @__PURE__ */ new Map(),
      servers: /* @__PURE__ */ new Map(),
      ports: /* @__PURE__ */ new Map()
    });
    RunTally = class {
      /** Weighted failures (TotalFailedAttempts counted) and records. */
      weight = 0;
      records = 0;
      first;
      last;
      spanMs = 0;
      byCode = /* @__PURE__ */ new Map();
      byNasCode = /* @__PURE__ */ new Map();
      bySubject = /* @__PURE__ */ new Map();
      /** Credential failures of users (not MAB) by endpoint and by wired `nas \0 port`: guessing. */
      byEndpoint = /* @__PURE__ */ new Map();
      byPort = /* @__PURE__ */ new Map();
      /** Administrators' logins by device and by account. */
      byAdminNas = /* @__PURE__ */ new Map();
      byAdminUser = /* @__PURE__ */ new Map();
      /** The identity store unreachable (codes.ts STORE_DOWN), all codes together. */
      storeDown = /* @__PURE__ */ new Map();
      /** `detail`: also by NAS and by user (not once a storm is certain: the storm is the news). */
      add(e, detail = true) {
        this.weight += e.weight;
        this.records++;
        this.first = Math.min(this.first ?? e.time, e.time);
        this.last = Math.max(this.last ?? e.time, e.time);
        this.spanMs = Math.max(this.spanMs, e.spanMs);
        const keys = [[this.byCode, e.code]];
        if (storeDown(e)) keys.push([this.storeDown, "ad"]);
        if (detail) keys.push(...this.#detailKeys(e));
        for (const [map, key] of keys) {
          if (!key) continue;
          let t = map.get(key);
          if (!t) {
            if (map.size >= MAX_KEYS3) continue;
            t = newTally(e);
            map.set(key, t);
          }
          addTo(t, e);
        }
      }
      #detailKeys(e) {
        if (e.admin)
          return [
            [this.byAdminNas, e.nas],
            [this.byAdminUser, e.subject === e.endpoint ? "" : e.subject]
          ];
        const keys = [
          [this.byNasCode, nasKey(e.nas, e.code)],
          [this.bySubject, e.subject]
        ];
        if (e.subject !== e.endpoint && GUESSING.has(e.code)) {
          keys.push([this.byEndpoint, e.endpoint]);
          if (e.port) keys.push([this.byPort, nasKey(e.nas, e.port)]);
        }
        return keys;
      }
    };
  }
});

// src/incidents/engine.ts
var MAX_OPEN, WEEK, MAX_RESOLVED, IncidentEngine;
var init_engine = __esm({
  "src/incidents/engine.ts"() {
    "use strict";
    init_dict();
    init_baseline();
    init_candidates();
    init_event();
    init_incident();
    init_lifecycle();
    init_recent();
    init_rolling_window();
    init_state();
    init_tally();
    MAX_OPEN = 100;
    WEEK = 7 * 864e5;
    MAX_RESOLVED = 50;
    IncidentEngine = class {
      constructor(state, opts) {
        this.opts = opts;
        this.#now = opts.now;
        this.#state = structuredClone(state ?? emptyIncidentState());
        this.#state.reasons = dict(this.#state.reasons);
        this.#windows = new Windows(this.#state.window);
        this.#recent = new RecentTally(this.#state.recent, opts.now);
        const since = this.#state.since ?? opts.now;
        this.#baseline = new Baseline(this.#state.baseline, opts.settings.timeZone, opts.now >= since + WEEK);
      }
      opts;
      run = new RunTally();
      #windows;
      #baseline;
      #state;
      #match = /* @__PURE__ */ new Map();
      #seen = /* @__PURE__ */ new Map();
      #recent;
      /** Per open incident, per reason: the failures it is the first match of (each counted once). */
      #claims = /* @__PURE__ */ new Map();
      #verdict;
      /** The clock windows, quiet periods and learning run on: ISE's once known, else the device's. */
      #now;
      #open = [];
      #resolved = [];
      /**
       * ISE's clock (the Date header of its reply), before the first record. The windows hold record
       * times, which are ISE's: measured against a device clock 15 minutes ahead, a 10-minute window
       * would be empty before the rules look at it.
       */
      clock(iseNow) {
        if (iseNow !== void 0) this.#now = iseNow;
      }
      /** A muted or filtered failure: never evidence, but its reason counts as seen for new-reason. */
      known(record2) {
        this.#recent.add(record2);
        this.#see(eventOf(record2, this.#now));
      }
      observe(record2) {
        this.#recent.add(record2);
        const e = eventOf(record2, this.#now);
        this.#see(e);
        const { rules, stormThreshold, lockout: lockout2 } = this.opts.settings;
        const detail = !rules.has("storm") || this.run.records < stormThreshold;
        this.run.add(e, detail);
        if (detail && !e.admin) {
          this.#windows.addNas(e);
          if (lockout2.reasons.length === 0 || lockout2.reasons.includes(e.code)) this.#windows.addLock(e);
        }
        let first;
        for (const i of this.#state.open) {
          if (!matches(i, e)) continue;
          countMatch(this.#match, i.id, e);
          if (first === void 0 && i.scope !== "all") first = i.id;
        }
        if (first !== void 0) {
          const byCode = this.#claims.get(first) ?? /* @__PURE__ */ new Map();
          byCode.set(e.code, (byCode.get(e.code) ?? 0) + e.weight);
          this.#claims.set(first, byCode);
        }
      }
      #see(e) {
        this.#seen.set(e.code, Math.max(this.#seen.get(e.code) ?? 0, e.time));
      }
      evaluate() {
        if (this.#verdict) return this.#verdict;
        const { settings: s } = this.opts;
        const now = this.#now;
        const st = this.#state;
        st.since ??= now;
        this.#windows.prune(now, s.nasWide.windowMs, s.lockout.windowMs);
        const input = {
          now,
          settings: s,
          run: this.run,
          windows: this.#windows,
          baseline: this.#baseline,
          reasons: st.reasons,
          intervalMs: st.lastRun === void 0 ? void 0 : Math.min(6 * 36e5, Math.max(6e4, now - st.lastRun)),
          learned: now >= st.since + s.learningMs,
          claimed: /* @__PURE__ */ new Map()
        };
        const active = new Set(st.open.filter((i) => hold(i, input, this.#match.get(i.id))).map((i) => i.id));
        claim2(input.claimed, active, this.#claims);
        const fresh = freshCandidates(input, active, this.#state.open);
        const created = fresh.map((c) => newIncident(c, input));
        this.#advance(active, now);
        this.#open = [...this.#open, ...created].slice(-MAX_OPEN);
        const owed = this.#open.filter((i) => !i.mailed && !i.silent);
        const all = /* @__PURE__ */ new Set([...active, ...created.map((i) => i.id)]);
        learn(
          input,
          this.#open.filter((i) => all.has(i.id) && !i.silent),
          this.#match
        );
        this.#verdict = {
          opened: owed.sort(byRank),
          ongoing: this.#open.filter((i) => i.mailed && !i.silent && i.failures > i.reported).map((i) => ({ incident: i, failures: i.failures - i.reported })),
          resolved: this.#resolved
        };
        return this.#verdict;
      }
      /** Open incidents take this run's failures or close after the quiet period. */
      #advance(active, now) {
        this.#resolved = [...this.#state.resolved];
        for (const i of this.#state.open) {
          const m = this.#match.get(i.id);
          if (active.has(i.id) && m && m.weight > 0) {
            i.failures += m.weight;
            i.last = Math.max(i.last, m.last);
            i.quietUntil = Math.max(i.quietUntil, m.last + this.opts.settings.quietMs + m.spanMs);
          }
          if (!active.has(i.id) && now >= i.quietUntil) {
            if (!i.silent)
              this.#resolved.push({
                id: i.id,
                title: i.title,
                since: i.since,
                last: i.last,
                failures: i.failures,
                unmailed: !i.mailed
              });
          } else {
            this.#open.push(i);
          }
        }
        this.#resolved = this.#resolved.slice(-MAX_RESOLVED);
      }
      /**
       * The state to save. `delivered`: a mail carrying this verdict's opened and resolved incidents
       * was accepted; otherwise they stay owed to the next mail.
       */
      nextState(delivered2) {
        this.evaluate();
        const { settings } = this.opts;
        const now = this.#now;
        return {
          version: 1,
          since: this.#state.since,
          lastRun: now,
          open: this.#open.map((i) => delivered2 ? { ...i, mailed: true, reported: i.failures } : i),
          resolved: delivered2 ? [] : this.#resolved,
          reasons: remember(this.#state.reasons, this.#seen, now, settings.newReason.memoryMs),
          baseline: this.#baseline.s,
          window: this.#windows.toState(),
          recent: this.#recent.toState()
        };
      }
    };
  }
});

// src/poll/incidents.ts
function incidentsOn(cfg, backfill) {
  return !backfill && incidentsState(cfg.incidents.mode, cfg.alert.mode).on;
}
var PollIncidents;
var init_incidents2 = __esm({
  "src/poll/incidents.ts"() {
    "use strict";
    init_incidents();
    init_errcode();
    init_plural();
    init_engine();
    init_state();
    PollIncidents = class {
      constructor(cfg, now) {
        this.cfg = cfg;
        this.now = now;
        this.#state = loadIncidentState(cfg.stateDir);
      }
      cfg;
      now;
      engine;
      #state;
      /** A new engine for a (re)started batch. */
      restart() {
        this.engine = new IncidentEngine(this.#state, { settings: this.cfg.incidents, now: this.now });
      }
      observe(record2) {
        this.engine?.observe(record2);
      }
      known(record2) {
        this.engine?.known(record2);
      }
      clock(iseNow) {
        this.engine?.clock(iseNow);
      }
      verdict() {
        return this.engine?.evaluate();
      }
      /**
       * `delivered`: the mail carrying this run's verdict was accepted by the server. A failed write
       * (a full flash) is a note, never an error: it costs what the rules learnt since the last save,
       * never a failure, the spool commit or the mail. Returns that note.
       */
      save(delivered2) {
        const engine = this.engine;
        if (!engine) return void 0;
        try {
          saveIncidentState(this.cfg.stateDir, engine.nextState(delivered2));
          return void 0;
        } catch (err) {
          const file = incidentsFile(this.cfg.stateDir);
          return `${file} not saved (${errCode(err, "error")}): the incident rules go on from its last save, no failure is lost; free space in STATE_DIR`;
        }
      }
      /** `, INCIDENT sw-access-b2: 12 users failing 11036 (\u2026)` for the summary line. */
      summary() {
        const opened = this.verdict()?.opened ?? [];
        if (opened.length === 0) return "";
        const more2 = opened.length > 1 ? ` and ${plural(opened.length - 1, "more incident")}` : "";
        return `; INCIDENT ${opened[0].title}${more2}`;
      }
    };
  }
});

// src/withhold/file.ts
function read(file, now) {
  let text4;
  try {
    text4 = (0, import_node_fs16.readFileSync)(file, "utf8");
  } catch (err) {
    if (errCode(err) === "ENOENT") return { version: 1, dropped: 0, entries: [] };
    throw stateError(`cannot read state file ${file} (${errCode(err, "error")}): check STATE_DIR permissions`);
  }
  const v = parseJson(text4);
  if (v && Array.isArray(v.entries) && typeof v.dropped === "number")
    return { version: 1, dropped: v.dropped, entries: v.entries };
  try {
    (0, import_node_fs16.renameSync)(file, `${file}.corrupt-${now}`);
  } catch (err) {
    throw stateWriteError(file, err);
  }
  return { version: 1, dropped: 0, entries: [] };
}
function parseJson(text4) {
  try {
    return JSON.parse(text4);
  } catch {
    return void 0;
  }
}
function planWithheld(stateDir, count3, now) {
  const file = stateFile.withheld(stateDir);
  const f = read(file, now);
  const first = f.entries.reduce((a, e) => Math.max(a, Number(e.ref) || 0), 0) + 1;
  const refs = Array.from({ length: count3 }, (_, i) => first + i);
  const save2 = (records, server, now2) => {
    const at = new Date(now2).toISOString();
    f.entries.push(...records.map((record2, i) => ({ ref: refs[i], at, server, record: record2 })));
    while (f.entries.length > MAX_ENTRIES) drop(f);
    const sizes = f.entries.map((e) => Buffer.byteLength(JSON.stringify(e)));
    let bytes = sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; bytes > MAX_BYTES && f.entries.length > records.length; i++) {
      bytes -= sizes[i];
      drop(f);
    }
    const text4 = JSON.stringify(f, null, 1);
    try {
      writeFileAtomic(file, `${text4.replace(UNSAFE2, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}
`);
    } catch (err) {
      throw stateWriteError(file, err);
    }
  };
  return { file, refs, save: save2 };
}
function drop(f) {
  f.entries.shift();
  f.dropped++;
}
var import_node_fs16, MAX_ENTRIES, UNSAFE2, MAX_BYTES;
var init_file = __esm({
  "src/withhold/file.ts"() {
    "use strict";
    import_node_fs16 = require("node:fs");
    init_errcode();
    init_errors();
    init_atomic();
    init_files();
    MAX_ENTRIES = 1e3;
    UNSAFE2 = /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
    MAX_BYTES = 1024 * 1024;
  }
});

// src/withhold/records.ts
function withheldCopy(record2, ref) {
  const copy = {};
  for (const f of KEPT_FIELDS) if (record2[f] !== void 0) copy[f] = record2[f];
  return { ...copy, id: `withheld-${ref}`, timestamp: record2.timestamp, userName: `withheld #${ref}` };
}
function recordFromCsv(cells) {
  if (cells.length !== CSV_COLUMNS.length) return void 0;
  const record2 = {};
  CSV_COLUMNS.forEach((c, i) => {
    if (cells[i] !== "") record2[c] = cells[i];
  });
  return typeof record2.id === "string" && typeof record2.timestamp === "string" ? record2 : void 0;
}
var MAX_KEPT, RecordKeeper, KEPT_FIELDS;
var init_records = __esm({
  "src/withhold/records.ts"() {
    "use strict";
    init_attachment();
    MAX_KEPT = 1e4;
    RecordKeeper = class {
      #records = [];
      #over = false;
      add(record2) {
        if (this.#over) return;
        if (this.#records.length >= MAX_KEPT) {
          this.#over = true;
          this.#records = [];
          return;
        }
        this.#records.push(record2);
      }
      /** A fetch retried from the start (Batch.reset). */
      reset() {
        this.#records = [];
        this.#over = false;
      }
      /** Every record of the mail, or undefined when there were too many to keep. */
      get records() {
        return this.#over ? void 0 : this.#records;
      }
    };
    KEPT_FIELDS = ["timestamp", "messageCode", "failureReason", "nasName", "nasIpAddress", "serverName"];
  }
});

// src/withhold/split.ts
async function sendSplitting(cfg, deadline, compose2, s) {
  try {
    return { ...await sendFitted(cfg, deadline, compose2), withheld: 0, parts: 1 };
  } catch (err) {
    const records = isContentRefusal(err) ? s?.records() : void 0;
    if (!s || !records || records.length === 0) throw err;
    return split(cfg, deadline, s, records, err);
  }
}
async function split(cfg, deadline, s, all, first) {
  const reply = serverReply(first);
  const partNote = `The mail server refused the mail holding these failures (it answered "${reply.said}"), so they are mailed in parts. Any failure it refuses is mailed separately with its values withheld.`;
  const accepted = [];
  const refused2 = all.length === 1 ? [...all] : [];
  const queue = all.length === 1 ? [] : halves(all);
  let sends = 1;
  while (queue.length > 0) {
    const group = queue.shift();
    if (sends >= MAX_SENDS || deadline.remaining() < s.reserveMs) {
      refused2.push(...group);
      continue;
    }
    sends++;
    try {
      accepted.push(await sendFitted(cfg, deadline, s.compose(group, partNote, accepted.length === 0)));
    } catch (err) {
      if (!isContentRefusal(err)) throw err;
      if (group.length === 1) refused2.push(group[0]);
      else queue.push(...halves(group));
    }
  }
  const { file, refs, save: save2 } = planWithheld(cfg.stateDir, refused2.length, deadline.now());
  const note3 = `The mail server refused to carry ${plural(refused2.length, "failure")} (it answered "${reply.said}"): a value in them, such as a user name a supplicant chose, matched its content, spam or DLP filter. They are listed here with those values withheld, as "withheld #N"; the values are kept on the device in ${file}. Read them there; do not forward them by mail.`;
  const copies = refused2.map((r, i) => withheldCopy(r, refs[i]));
  accepted.push(await sendFitted(cfg, deadline, s.compose(copies, note3, accepted.length === 0)));
  save2(refused2, reply.said, deadline.now());
  const rejected = [...new Set(accepted.flatMap((a) => a.rejected))];
  const last = accepted[accepted.length - 1];
  return {
    messageId: last.messageId,
    rejected,
    withheld: refused2.length,
    parts: accepted.length,
    file,
    code: reply.code
  };
}
function serverReply(err) {
  const cause = err.cause;
  const code3 = typeof cause?.responseCode === "number" ? cause.responseCode : void 0;
  return { said: clean(cause?.response ?? "", 160) || "no text", code: code3 };
}
function withheldText(sent) {
  if (sent.withheld === 0) return void 0;
  const its = sent.withheld === 1 ? "its" : "their";
  return `${plural(sent.withheld, "failure")} withheld: the mail server refused ${its} values (${sent.code ?? "5xx"}); mailed in ${plural(sent.parts, "part")}, the values kept in ${sent.file}`;
}
var MAX_SENDS, isContentRefusal, halves;
var init_split = __esm({
  "src/withhold/split.ts"() {
    "use strict";
    init_errors();
    init_plural();
    init_sanitize();
    init_fit();
    init_file();
    init_records();
    MAX_SENDS = 24;
    isContentRefusal = (err) => err instanceof AppError && err.kind === "mail-content";
    halves = (list2) => {
      const mid = Math.ceil(list2.length / 2);
      return [list2.slice(0, mid), list2.slice(mid)];
    };
  }
});

// src/poll/notes.ts
function runNotes(cfg, f) {
  const notes = [];
  const { cursor, next, batch } = f;
  if (cfg.ise.insecure) notes.push("ISE_INSECURE=1: TLS to ISE is NOT verified");
  notes.push(...batch.placing.summary());
  const unreadable = f.unreadable.summary();
  if (unreadable) notes.push(unreadable);
  if (batch.older > 0) notes.push(`${plural(batch.older, "record")} older than the query start ignored`);
  if (batch.rollup.future > 0)
    notes.push(`${plural(batch.rollup.future, "record")} with a timestamp in the future (the cursor does not follow)`);
  if (cursor.highWater !== void 0 && next.highWater !== void 0 && next.highWater < cursor.highWater)
    notes.push(`the cursor was ahead of ISE's clock (${iso(cursor.highWater)}): moved back to ${iso(next.highWater)}`);
  if (trackingCut(f))
    notes.push(
      `more than ${MAX_TRACKED_IDS} new failures: ids tracked from ${iso(next.trackedFrom)} only, late records before then are not read again`
    );
  return notes;
}
function mailNotes(f) {
  const notes = [...f.batch.placing.mail()];
  const unreadable = f.unreadable.mailNote();
  if (unreadable) notes.push(unreadable);
  const { future } = f.batch.rollup;
  if (future > 0)
    notes.push(
      `${plural(future, "failure")} in this mail carry a timestamp in the future (after ISE's clock, ${iso(f.batch.window.iseNow ?? f.batch.window.limit)}): mailed as ISE sent them, but they do not move the cursor. Check the clock of the ISE node that logged them.`
    );
  if (trackingCut(f))
    notes.push(
      `Too many failures to track one by one (more than ${MAX_TRACKED_IDS}). All counts in this mail are exact; the next poll starts at ${iso(f.next.trackedFrom)} instead of re-reading the last CURSOR_OVERLAP, so a failure from before then that ISE shows only later would not be mailed.`
    );
  return notes;
}
function sentNotes(sent, d) {
  const notes = [];
  if (sent.rejected.length > 0) notes.push(`the mail server refused ${sent.rejected.join(", ")}: check MAIL_DEST`);
  const att = d.attachment();
  if (att && att.omitted > 0)
    notes.push(
      att.rows > 0 ? `attachment holds the first ${att.rows} rows (size cap)` : "no attachment: the size cap left no room (see MAIL_MAX_BYTES)"
    );
  return notes;
}
var iso, trackingCut;
var init_notes = __esm({
  "src/poll/notes.ts"() {
    "use strict";
    init_plural();
    init_times();
    init_cursor();
    iso = summaryTime;
    trackingCut = (f) => f.next.trackedFrom !== void 0 && f.next.trackedFrom !== f.cursor.trackedFrom;
  }
});

// src/poll/mail.ts
async function sendPollMail(cfg, deadline, letter) {
  try {
    return await sendSplitting(cfg, deadline, letter.compose, letter.split);
  } catch (err) {
    if (!(err instanceof AppError) || err.kind !== "mail" && err.kind !== "mail-content") throw err;
    throw err.withNote(
      letter.backfill ? "nothing was mailed: run the backfill again" : "the failures will be sent again on the next run"
    );
  }
}
function delivered(ctx, sent, letter, notes) {
  const { cfg, sys, incidents } = ctx;
  const rec = letter.recording;
  const d = letter.rollup;
  failpoint("after-send");
  if (!deliveryHeld()) stopIfAsked(sys.stop, rec.left);
  if (rec.save) afterDelivery(rec.save, rec.notDone, rec.repeats);
  const unsaved = incidents?.save(true);
  const to = cfg.mail.dest.length - sent.rejected.length;
  const stop = sys.stop;
  if (stop?.aborted)
    throw stoppedAfterDelivery(stop, `${plural(d.total, "failure")} mailed to ${plural(to, "recipient")}`, rec.moved);
  notes.push(...sentNotes(sent, d), ...unsaved ? [unsaved] : []);
  const withheld = withheldText(sent);
  if (withheld) notes.unshift(withheld);
  const { rows: rows2, ...said2 } = letter.result;
  return {
    kind: "mailed",
    found: d.total,
    mailed: d.total,
    muted: d.mutedTotal,
    filtered: d.filteredTotal,
    pending: 0,
    withheld: sent.withheld,
    attachmentRows: rows2 ? d.attachment()?.rows ?? 0 : void 0,
    to,
    newest: d.newest,
    incident: incidents?.summary() ?? "",
    ...said2,
    notes,
    info: []
  };
}
function afterDelivery(step, notDone, repeats) {
  try {
    step();
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    throw new AppError(
      "state",
      `the mail was delivered, but ${notDone}: ${why}; until that is fixed every run mails ${repeats} again`,
      { cause: err }
    );
  }
}
var init_mail = __esm({
  "src/poll/mail.ts"() {
    "use strict";
    init_errors();
    init_interrupt();
    init_plural();
    init_testing();
    init_split();
    init_notes();
  }
});

// src/withhold/rows.ts
function attachmentRecords(attachment) {
  if (attachment.omitted > 0 || attachment.rows > MAX_KEPT) return void 0;
  const text4 = zlib().gunzipSync(attachment.content()).toString("utf8");
  const records = [];
  if (attachment.format === "json") {
    const all = JSON.parse(text4);
    if (!Array.isArray(all)) return void 0;
    for (const v of all) {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return void 0;
      records.push(v);
    }
  } else {
    for (const line of text4.split("\r\n").slice(1)) {
      if (line === "") continue;
      const r = recordFromCsv(csvCells(line));
      if (!r) return void 0;
      records.push(r);
    }
  }
  return records.length === attachment.rows ? records : void 0;
}
function spoolRecords(dir, segments, counted) {
  if (counted > MAX_KEPT) return void 0;
  const records = [];
  let damaged = false;
  for (const seg of segments) {
    for (const [member] of readMembers((0, import_node_path13.join)(dir, seg.file), seg, () => damaged = true)) {
      const text4 = memberText(member);
      if (text4 === void 0) return void 0;
      for (const line of text4.split(seg.format === "csv" ? "\r\n" : "\n")) {
        if (line === "") continue;
        const r = seg.format === "csv" ? recordFromCsv(csvCells(line)) : jsonRecord(line);
        if (!r) return void 0;
        records.push(r);
      }
    }
  }
  return !damaged && records.length === counted ? records : void 0;
}
function jsonRecord(line) {
  try {
    const v = JSON.parse(line);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
  } catch {
    return void 0;
  }
}
function csvCells(row) {
  const cells = [];
  let i = 0;
  for (; ; ) {
    let cell = "";
    if (row[i] === '"') {
      i++;
      for (; i < row.length; i++) {
        if (row[i] !== '"') cell += row[i];
        else if (row[i + 1] === '"') cell += row[i++];
        else break;
      }
      i++;
    } else {
      const end = row.indexOf(",", i);
      cell = row.slice(i, end < 0 ? row.length : end);
      i = end < 0 ? row.length : end;
    }
    cells.push(cell);
    if (row[i] !== ",") return cells;
    i++;
  }
}
var import_node_path13;
var init_rows = __esm({
  "src/withhold/rows.ts"() {
    "use strict";
    import_node_path13 = require("node:path");
    init_gzmember();
    init_segments();
    init_records();
  }
});

// src/incidents/mail.ts
function span2(fmt, a, b) {
  const [x, y] = [fmt(a), fmt(b)];
  return x.slice(0, 10) === y.slice(0, 10) ? `${x.slice(11, 16)}-${y.slice(11, 16)}` : `${x.slice(0, 16)}-${y.slice(0, 16)}`;
}
function incidentSubject(prefix, opened, fmt) {
  const first = opened[0];
  if (!first) return void 0;
  const more2 = opened.length > 1 ? ` (+${opened.length - 1} more)` : "";
  return clean(`${prefix} INCIDENT ${first.title} since ${hhmm2(fmt, first.since)}${more2}`, 160);
}
function openedLines(i, clock) {
  const hint = i.hint ?? (i.reason ? hintFor(i.reason)?.hint : void 0);
  const lines = [
    `INCIDENT ${i.title}`,
    `Since ${clock.short(i.since)}, ${plural(i.failures, "failure")} so far (rule ${i.rule}).`,
    ...i.evidence.map((e) => `Evidence: ${e}`)
  ];
  if (hint) lines.push(`Hint: ${hint}`);
  if (i.users.length) lines.push(`Users (${i.usersCount}): ${i.users.join(", ")}${more(i.users, i.usersCount)}`);
  if (i.endpoints.length)
    lines.push(`Endpoints (${i.endpointsCount}): ${i.endpoints.join(", ")}${more(i.endpoints, i.endpointsCount)}`);
  return lines.map((l) => clean(l, 1e3));
}
function incidentCard(i, lines, adminUrl2) {
  const [, since, ...rest] = lines;
  const body = rest.map((l) => {
    const [label, text4] = splitLabel(l);
    return para(`<b>${esc2(label)}</b> ${esc2(text4)}`, label === "Hint:" ? "background:#fff8e6;padding:6px 8px" : "");
  });
  body.push(lookPara(adminUrl2, filterOf(i)));
  return card(band("incident", "Incident, act now", i.title, [since ?? ""]), body);
}
function splitLabel(line) {
  const m = /^([A-Z][a-z]+(?: \([^)]*\))?:) (.*)$/.exec(line);
  return m ? [m[1], m[2]] : ["", line];
}
function openedText(i, lines, adminUrl2) {
  return [...lines.flatMap((l) => wrap2(l, "  ", "")), ...lookLines(adminUrl2, filterOf(i)), ""];
}
function incidentLead(v, clock, { adminUrl: adminUrl2, quietMs }) {
  const opened = v.opened.map((i) => ({ i, lines: openedLines(i, clock) }));
  const others = [
    ...v.ongoing.map((o) => ongoingLine(o, clock.full)),
    ...v.resolved.map((r) => resolvedLine(r, clock.full))
  ].map((l) => clean(l, 1e3));
  if (opened.length === 0 && others.length === 0) return void 0;
  const text4 = [
    ...opened.flatMap(({ i, lines }) => openedText(i, lines, adminUrl2)),
    ...others.flatMap((l) => wrap2(l, "  ", "")),
    ...others.length ? [""] : [],
    ...opened.length ? [...wrap2(foot(quietMs)), ""] : []
  ];
  const status = others.map((l) => para(`<b>${esc2(l)}</b>`)).join("\n");
  if (opened.length === 0) return { text: text4, html: status };
  const cards = opened.map(({ i, lines }) => incidentCard(i, lines, adminUrl2));
  const tail = [status, note2(foot(quietMs))].filter(Boolean);
  const html = [...cards.slice(0, -1), addTo2(cards.at(-1), tail)].join("\n");
  return { text: text4, html, top: true, filters: opened.some(({ i }) => filterOf(i) !== "") };
}
var hhmm2, resolvedLine, ongoingLine, more, foot, filterOf, addTo2;
var init_mail2 = __esm({
  "src/incidents/mail.ts"() {
    "use strict";
    init_plural();
    init_sanitize();
    init_hints();
    init_layout();
    init_look();
    init_wrap();
    init_words3();
    hhmm2 = (fmt, t) => fmt(t).slice(11, 16);
    resolvedLine = (r, fmt) => `RESOLVED ${r.title}, ${span2(fmt, r.since, r.last)}, ${plural(r.failures, "failure")}${r.unmailed ? " (it closed before its own mail could go out)" : ""}`;
    ongoingLine = (o, fmt) => `ONGOING ${o.incident.title} (since ${hhmm2(fmt, o.incident.since)}): ${plural(o.failures, "more failure")} since the last mail, ${o.incident.failures} in all`;
    more = (shown3, count3) => String(shown3.length) === count3 ? "" : ", ...";
    foot = (quietMs) => `An incident is mailed once. Later failures that belong to it are marked ONGOING in the regular mails; after ${mins(quietMs)} without one (INCIDENT_QUIET), the next mail says it is RESOLVED.`;
    filterOf = (i) => liveLogsFilter(i.nas, void 0) || liveLogsFilter(void 0, i.subject);
    addTo2 = (html, more2) => html.replace(/<\/td><\/tr><\/table>$/, `${more2.join("\n")}
$&`);
  }
});

// src/render/lead.ts
function noteLead(text4) {
  return { text: [text4, ""], html: note2(text4).replace("color:#57606a", "color:#1f2328") };
}
var init_lead = __esm({
  "src/render/lead.ts"() {
    "use strict";
    init_layout();
  }
});

// src/render/storm.ts
function stormSubject(prefix) {
  return `${prefix} STORM:`;
}
function mutedStormSubject(prefix, total) {
  return `${stormSubject(prefix)} ${total} RADIUS failures in one poll, all muted`;
}
function stormLead(groups, muted, threshold, clock) {
  const total = groups.total + muted;
  const more2 = `STORM: ${total} RADIUS failures in one poll (more than ${threshold})`;
  if (muted > 0 && groups.total === 0)
    return noteLead(
      `${more2}, ${muted} of them muted. A storm is mailed at once whatever the mutes; the muted failures are counted below by mute and attached.`
    );
  const all = groups.list();
  const shown3 = all.slice(0, SHOWN);
  const hidden = all.slice(SHOWN).reduce((n, g) => n + g.count, 0) + groups.ungrouped;
  const intro = muted === 0 ? `${more2}. By reason and NAS/location, largest first:` : `${more2}, ${muted} of them muted: counted below by mute and attached (a storm is mailed at once whatever the mutes). The other ${groups.total} by reason and NAS/location, largest first:`;
  const where2 = (g) => [`NAS ${g.nas || "-"}`, shortLocation(g.location), clock.span(g.first, g.last)].filter(Boolean).join(", ");
  const rest = hidden > 0 ? `... and ${hidden} more failure(s) in ${all.length - shown3.length} smaller group(s)${groups.ungrouped ? " or ungrouped" : ""}` : "";
  const text4 = [
    ...wrap2(intro),
    ...shown3.flatMap((g) => [
      ...wrap2(g.reason || "-", "         ", `  ${String(g.count).padStart(5)}  `),
      ...wrap2(where2(g), "         ")
    ]),
    ...rest ? [`  ${rest}`] : [],
    ""
  ];
  const html = [
    `<p style="${FONT2};font-size:14px;color:#b42318;margin:12px 0 6px"><b>${esc2(intro)}</b></p>`,
    rows(shown3.map((g) => ({ left: `<b>${g.count}</b>`, right: `<b>${esc2(g.reason || "-")}</b>${sub(where2(g))}` }))),
    rest ? note2(rest) : ""
  ].join("\n");
  return { text: text4, html };
}
var SHOWN;
var init_storm = __esm({
  "src/render/storm.ts"() {
    "use strict";
    init_layout();
    init_lead();
    init_model();
    init_wrap();
    init_lead();
    SHOWN = 40;
  }
});

// src/poll/compose.ts
function composer(cfg, d, now, parts2 = {}) {
  return (budget, limit) => {
    const attachment = d.attachment();
    attachment?.trimTo(budget);
    const muted = parts2.muted ?? 0;
    const polled = parts2.groups ? parts2.groups.total + muted : 0;
    const storm2 = polled > cfg.stormThreshold;
    const leads = (parts2.notes ?? []).map(noteLead);
    if (attachment && attachment.omitted > 0)
      leads.push(noteLead(attachmentNote(attachment, limit, parts2.unkept ?? 0)));
    leads.push(...parts2.leads ?? []);
    const zone = cfg.mail.timezone;
    const period = parts2.show?.period;
    const clock = clockFor(zone, period?.from ?? d.oldest, period?.to ?? d.newest);
    if (storm2) leads.push(stormLead(parts2.groups, muted, cfg.stormThreshold, clock));
    const incident = parts2.incidents && incidentLead(parts2.incidents, clock, {
      adminUrl: cfg.mail.adminUrl,
      quietMs: cfg.incidents.quietMs
    });
    if (incident) leads.push(incident);
    const fmt = timeFormat(zone);
    const prefix = parts2.subjectPrefix ?? cfg.mail.subjectPrefix;
    const subject = (parts2.incidents && incidentSubject(cfg.mail.subjectPrefix, parts2.incidents.opened, fmt)) ?? (storm2 && d.total === 0 ? mutedStormSubject(prefix, polled) : void 0);
    const show = incident?.top ? { chart: true, ...parts2.show } : parts2.show;
    const mail = composeMail(cfg, d, {
      now,
      leads,
      subject,
      subjectPrefix: storm2 ? stormSubject(prefix) : prefix,
      show,
      preview: parts2.preview,
      mutes: parts2.mutes
    });
    if (!parts2.recovery) return mail;
    return foldRecovery(mail, parts2.recovery, d.total, healthContext(cfg), parts2.show?.period ? "digest" : "mail");
  };
}
function splitting(cfg, records, digest, now, parts2) {
  return {
    records,
    reserveMs: parts2.reserveMs,
    compose: (some, note3, first) => {
      const d = new Rollup({ ...digest, attachBudget: initialAttachmentBudget(cfg) });
      for (const r of some) d.add(r);
      const notes = [...parts2.notes ?? [], note3];
      return composer(cfg, d, now, {
        ...parts2,
        groups: void 0,
        notes,
        incidents: first ? parts2.incidents : void 0,
        recovery: first ? parts2.recovery : void 0
      });
    }
  };
}
function attachmentNote(a, limit, unkept) {
  const all = a.rows + a.omitted;
  if (a.rows === 0)
    return `No attachment: the mail size limit of ${limit} bytes left no room for it. All counts in this mail are exact.`;
  if (unkept === 0)
    return `The attachment holds the first ${a.rows} of ${all} failures: ${a.omitted} row(s) were left out to keep the mail within ${limit} bytes. All counts in this mail are exact.`;
  const cut = a.omitted - unkept;
  const why = [`${unkept} beyond what the digest spool keeps (what one mail can attach)`];
  if (cut > 0) why.push(`${cut} to keep the mail within ${limit} bytes`);
  const held = `The attachment holds the first ${a.rows} of ${all} failures`;
  return `${held}; left out: ${why.join(", ")}. All counts in this mail are exact.`;
}
function printMessage(io, cfg, mail) {
  io.out(`From: ${cfg.mail.from}`);
  io.out(`To: ${cfg.mail.dest.join(", ")}`);
  io.out(`Subject: ${mail.subject}`);
  io.out("");
  for (const line of mail.text.replace(/\n$/, "").split("\n")) io.out(line);
  io.out("");
  if (cfg.mail.attach !== "none")
    io.out(
      `(The real mail also attaches ${attachmentFilename(cfg.mail.attach)} with every failure; --dry-run does not build it.)`
    );
}
var init_compose = __esm({
  "src/poll/compose.ts"() {
    "use strict";
    init_attachment();
    init_health_mail();
    init_mail2();
    init_message();
    init_storm();
    init_time();
    init_rollup();
    init_fit();
  }
});

// src/poll/cursor-aside.ts
var CursorAside;
var init_cursor_aside = __esm({
  "src/poll/cursor-aside.ts"() {
    "use strict";
    init_errcode();
    init_cursor();
    CursorAside = class {
      constructor(cfg, next) {
        this.cfg = cfg;
        this.next = next;
        try {
          this.#file = prepareCursor(cfg.stateDir, next);
        } catch (err) {
          this.unsaved = errCode(err, "error");
        }
      }
      cfg;
      next;
      #file;
      /** The system error code that kept the cursor from being written, e.g. ENOSPC. */
      unsaved;
      /** Puts the cursor in place (retries the whole write when it could not be prepared). */
      commit() {
        if (this.#file) this.#file.commit();
        else saveCursor(this.cfg.stateDir, this.next);
      }
      /** Removes the file written aside; nothing once committed. */
      abort() {
        this.#file?.abort();
      }
      /** The subject's prefix: the configured one, marked while the cursor cannot be saved. */
      subjectPrefix() {
        const prefix = this.cfg.mail.subjectPrefix;
        return this.unsaved ? `${prefix} cursor not saved, sent again next run:` : prefix;
      }
      /** The note on top of the mail body, or none. */
      notes() {
        if (!this.unsaved) return [];
        return [
          `The cursor could not be saved (${this.unsaved}): STATE_DIR is full or read-only. Until it can be written, these failures are mailed again by every run, with any newer ones. Free space in STATE_DIR (IOS: dir bootflash:).`
        ];
      }
    };
  }
});

// src/poll/outbox-direct.ts
function keptRecords(d, keep) {
  const attachment = d.attachment();
  return attachment ? attachmentRecords(attachment) : keep.records;
}
var DirectOutbox;
var init_outbox_direct = __esm({
  "src/poll/outbox-direct.ts"() {
    "use strict";
    init_errors();
    init_interrupt();
    init_filters();
    init_rollup();
    init_fit();
    init_cursor();
    init_records();
    init_rows();
    init_compose();
    init_context();
    init_cursor_aside();
    init_fetch();
    init_notes();
    DirectOutbox = class {
      constructor(ctx) {
        this.ctx = ctx;
        this.cursor = ctx.opts.resetCursor ? emptyCursor() : loadCursor(ctx.cfg.stateDir);
      }
      ctx;
      cursor;
      notes = [];
      /**
       * Kept for a mail refused for its content, to split it (src/withhold), when there is no
       * attachment to read them back from (MAIL_ATTACH=none).
       */
      #keep = new RecordKeeper();
      #aside;
      get #attach() {
        return this.ctx.opts.dryRun ? "none" : this.ctx.cfg.mail.attach;
      }
      rollup() {
        const { cfg, opts, mute: mute2 } = this.ctx;
        this.#keep.reset();
        const keep = this.#keep;
        const onAttach = opts.dryRun || this.#attach !== "none" ? void 0 : (r) => keep.add(r);
        const filter = compileFilters(cfg.filters);
        return new Rollup({ filter, mute: mute2, attach: this.#attach, attachBudget: initialAttachmentBudget(cfg), onAttach });
      }
      abandon() {
      }
      preview(run) {
        const { cfg, io, sys, incidents } = this.ctx;
        const d = run.batch.rollup;
        if (d.total === 0) return this.#idle(run, false);
        const parts2 = { ...this.#parts(run, []), groups: run.batch.groups, preview: true };
        printMessage(io, cfg, composer(cfg, d, sys.now(), parts2)(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
        const counts = { found: d.total, mailed: d.total, muted: d.mutedTotal, filtered: d.filteredTotal, pending: 0 };
        const incident = incidents?.summary() ?? "";
        const backfill = this.ctx.opts.since !== void 0;
        return { kind: "dry-run", ...counts, newest: d.newest, backfill, incident, notes: run.notes, info: [] };
      }
      hold(run) {
        if (run.batch.rollup.total === 0) return this.#idle(run, true);
        if (this.ctx.opts.since === void 0) this.#aside = new CursorAside(this.ctx.cfg, run.next);
        return void 0;
      }
      late() {
        throw new AppError(
          "ise-timeout",
          "fetching from ISE used up RUN_DEADLINE, no time was left to send the mail; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)"
        );
      }
      letter(run) {
        const { cfg, opts, sys, mute: mute2 } = this.ctx;
        const aside = this.#aside;
        const d = run.batch.rollup;
        const parts2 = {
          ...this.#parts(run, aside?.notes() ?? []),
          subjectPrefix: aside?.subjectPrefix(),
          recovery: recoveryFor(opts, run)
        };
        const backfill = opts.since !== void 0;
        const keep = this.#keep;
        return {
          rollup: d,
          compose: composer(cfg, d, sys.now(), { ...parts2, groups: run.batch.groups }),
          split: splitting(cfg, () => keptRecords(d, keep), { mute: mute2, attach: this.#attach }, sys.now(), {
            ...parts2,
            reserveMs: minSendMs(cfg)
          }),
          recording: {
            save: aside && (() => aside.commit()),
            notDone: "the cursor was not saved",
            repeats: "these failures",
            left: "fetched-again",
            moved: aside ? "the cursor has moved past them" : "the cursor is unchanged"
          },
          backfill,
          result: { backfill, rows: true, recovered: !!parts2.recovery }
        };
      }
      close() {
        this.#aside?.abort();
      }
      /** What this run's mail says besides its failures; a backfill's mail says it is one. */
      #parts(run, notes) {
        const { opts, incidents, mutes } = this.ctx;
        const show = opts.since !== void 0 ? { backfill: true } : void 0;
        return { notes: [...notes, ...mailNotes(run)], incidents: incidents?.verdict(), mutes, show };
      }
      /**
       * Nothing for the mail body: the rules still learn and close incidents; what they say waits for
       * the next mail. Every new record muted or filtered out: no mail, but the cursor moves past them
       * (exit 0); muted ones reach this only in a --since backfill: scheduled runs keep them in the spool.
       */
      #idle(run, keep) {
        const { cfg, opts, sys, incidents } = this.ctx;
        const d = run.batch.rollup;
        d.close();
        stopIfAsked(sys.stop);
        const unsaved = opts.dryRun ? void 0 : incidents?.save(false);
        if (unsaved) run.notes.push(unsaved);
        const commit = keep && opts.since === void 0;
        const base = { mailed: 0, muted: 0, filtered: 0, pending: 0, notes: run.notes, info: [] };
        if (d.seenTotal === 0) {
          if (commit) commitEmpty(cfg, run.cursor, run.next, opts.resetCursor);
          return { kind: "none", found: 0, ...base };
        }
        if (commit) saveCursor(cfg.stateDir, run.next);
        const aside = {
          found: d.seenTotal,
          muted: d.mutedTotal,
          filtered: d.filteredTotal,
          filteredBy: filterNotes(d.filtered, false)
        };
        return { kind: "aside", ...base, ...aside, committed: commit };
      }
    };
  }
});

// src/poll/outbox-spool-mail.ts
function mutedStorm(cfg, body, muted) {
  if (muted === 0 || body + muted <= cfg.stormThreshold) return void 0;
  return `storm: ${body + muted} failures in one poll, ${muted} of them muted: mailed at once (a storm is never muted)`;
}
function digestLetter(ctx, spool, run, s) {
  const { cfg, opts, sys } = ctx;
  const { rollup: d, notes: lost } = spool.rollupToSend({
    attach: cfg.mail.attach,
    attachBudget: initialAttachmentBudget(cfg)
  });
  run.notes.push(...lost);
  const now = sys.now();
  const parts2 = { ...sendingParts(ctx, spool, run, s, now), recovery: recoveryFor(opts, run) };
  const kept = () => spoolRecords(spool.dir, spool.segments, d.total + d.mutedTotal);
  return {
    rollup: d,
    compose: composer(cfg, d, now, { ...parts2, unkept: d.attachment()?.omitted ?? 0 }),
    split: splitting(cfg, kept, { mute: ctx.mute, attach: cfg.mail.attach }, now, {
      ...parts2,
      reserveMs: minSendMs(cfg)
    }),
    recording: emptiedOnDelivery(spool),
    backfill: false,
    result: { digest: cfg.alert.mode === "each-run" ? void 0 : { fresh: s.body }, recovered: !!parts2.recovery }
  };
}
function sendingParts(ctx, spool, run, s, now) {
  const { cfg, incidents } = ctx;
  const unsaved = spool.prepareReset();
  const own2 = spoolMailParts(cfg, run, spool.openedAt ?? now, now);
  const again = unsaved ? " spool not emptied, sent again next run:" : "";
  return {
    ...own2,
    notes: [...unsaved ? [notEmptied(unsaved)] : [], ...own2.notes ?? []],
    subjectPrefix: `${own2.subjectPrefix ?? cfg.mail.subjectPrefix}${again}`,
    // A storm sent at once leads with the poll's groups, a digest too; the muted ones count toward it.
    groups: s.storm ? run.batch.groups : own2.groups,
    muted: s.muted,
    incidents: incidents?.verdict(),
    mutes: ctx.mutes
  };
}
function emptiedOnDelivery(spool) {
  const moved = "the digest spool was emptied";
  return {
    save: () => spool.reset(),
    notDone: "the spool was not emptied",
    repeats: "this digest",
    left: "spooled",
    moved
  };
}
function spoolMailParts(cfg, facts, openedAt, now) {
  if (cfg.alert.mode === "each-run") return { groups: facts.batch.groups, notes: mailNotes(facts) };
  return { notes: mailNotes(facts), ...digestParts(cfg, openedAt, now) };
}
function digestParts(cfg, openedAt, now) {
  return {
    leads: [noteLead(periodText(cfg, openedAt, now))],
    subjectPrefix: `${cfg.mail.subjectPrefix} digest:`,
    show: { label: "Digest", period: { from: openedAt, to: now }, chart: true }
  };
}
function periodText(cfg, openedAt, now) {
  const clock = clockFor(cfg.mail.timezone, openedAt, now);
  const schedule = describeSchedule(cfg.alert.schedule, cfg.mail.timezone);
  const next = boundaryAfter(now, cfg.alert.schedule, cfg.mail.timezone);
  return `Failures fetched from ${clock.short(openedAt)} to ${clock.short(now)}. Digests go out ${schedule}; the next at ${clock.short(next)}.`;
}
var notEmptied;
var init_outbox_spool_mail = __esm({
  "src/poll/outbox-spool-mail.ts"() {
    "use strict";
    init_storm();
    init_time();
    init_fit();
    init_schedule();
    init_rows();
    init_compose();
    init_context();
    init_fetch();
    init_notes();
    notEmptied = (code3) => `The digest spool could not be emptied (${code3}): STATE_DIR is full or read-only. Until it can be written, these failures are sent again by every digest, with any newer ones. Free space in STATE_DIR (IOS: dir bootflash:).`;
  }
});

// src/poll/outbox-spool.ts
var SpoolOutbox;
var init_outbox_spool = __esm({
  "src/poll/outbox-spool.ts"() {
    "use strict";
    init_interrupt();
    init_times();
    init_filters();
    init_fit();
    init_cursor();
    init_files();
    init_compose();
    init_fetch();
    init_outbox_spool_mail();
    SpoolOutbox = class {
      constructor(ctx, spool) {
        this.ctx = ctx;
        this.spool = spool;
        const { cfg, opts, sys } = ctx;
        const file = opts.dryRun ? spool.cursorFile() : stateFile.cursor(cfg.stateDir);
        this.cursor = opts.resetCursor ? emptyCursor() : readCursorFile(file);
        this.#before = spool.total;
        this.#mutedBefore = spool.muted;
        this.#spooled = spool.seen;
        const clamped = spool.clampOpenedAt(sys.now(), !opts.dryRun);
        if (clamped !== void 0)
          this.notes.push(
            `spool.json openedAt ${summaryTime(clamped)} lay in the future: counted from now (check the device clock and NTP)`
          );
      }
      ctx;
      spool;
      cursor;
      notes = [];
      #before;
      #mutedBefore;
      #spooled;
      /** What this run added to the spool (hold). */
      #added = { body: 0, muted: 0, storm: false };
      /** When the digest was found due (hold). */
      #dueAt;
      rollup() {
        const { cfg, opts, mute: mute2 } = this.ctx;
        const attach = opts.dryRun ? "none" : cfg.mail.attach;
        return this.spool.rollupForRun({ filter: compileFilters(cfg.filters), mute: mute2 }, attach, initialAttachmentBudget(cfg));
      }
      abandon() {
        this.spool.discard();
      }
      /** --dry-run: the digest as it stands with this run's failures, and when it would go out. */
      preview(run) {
        const { cfg, io, sys, incidents } = this.ctx;
        this.spool.discard();
        const d = run.batch.rollup;
        const now = sys.now();
        const base = {
          kind: "dry-run",
          found: this.#found(run),
          mailed: d.total,
          muted: 0,
          filtered: 0,
          pending: 0
        };
        const result = { ...base, digest: { fresh: 0 }, notes: run.notes, info: [] };
        if (d.total === 0) return result;
        const verdict = incidents?.verdict();
        const parts2 = { ...spoolMailParts(cfg, run, this.spool.openedAt ?? now, now), incidents: verdict, preview: true };
        const mail = composer(cfg, d, now, { ...parts2, mutes: this.ctx.mutes });
        printMessage(io, cfg, mail(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
        const due = this.#due(this.ctx.opts.flush === true || (verdict?.opened.length ?? 0) > 0, now);
        return {
          ...result,
          due: due !== "now" && due !== void 0 && due <= now ? "now" : due,
          incident: incidents?.summary() ?? ""
        };
      }
      hold(run) {
        const { opts, sys, incidents } = this.ctx;
        const spool = this.spool;
        const now = sys.now();
        const unsaved = this.#commit(run, now);
        if (unsaved) run.notes.push(unsaved);
        const added = { body: spool.total - this.#before, muted: spool.muted - this.#mutedBefore };
        const note3 = mutedStorm(this.ctx.cfg, added.body, added.muted);
        if (note3) run.notes.push(note3);
        const storm2 = note3 !== void 0;
        this.#added = { ...added, storm: storm2 };
        const urgent = opts.flush === true || (incidents?.verdict()?.opened.length ?? 0) > 0;
        const due = storm2 ? "now" : this.#due(urgent);
        this.#dueAt = due;
        if (spool.total === 0 && !storm2 || due === void 0 || due !== "now" && due > now)
          return { ...this.#waiting(run, due, false), firstRun: this.#firstRun(run) };
        return void 0;
      }
      late(run) {
        run.notes.push(
          "the digest was due but fetching used up RUN_DEADLINE: it stays in the spool and the next run sends it; if this repeats, raise RUN_DEADLINE (below the EEM maxrun) or check how slowly ISE answers"
        );
        return this.#waiting(run, this.#dueAt, true);
      }
      letter(run) {
        return digestLetter(this.ctx, this.spool, run, this.#added);
      }
      close() {
        this.spool.discard();
      }
      /**
       * Commits this run's failures and the cursor after them to the spool (with none, the cursor alone).
       * Not once a stop was asked: a stopped run commits nothing and says the same failures are fetched
       * again. From here on a stop leaves them in the spool (the send says so: Recording.left).
       * Returns the note of an incident state that could not be saved.
       */
      #commit(run, now) {
        const { cfg, opts, sys, incidents } = this.ctx;
        stopIfAsked(sys.stop);
        const unsaved = incidents?.save(false);
        if (this.#found(run) > 0 || run.batch.mailed.size > 0) this.spool.commit(run.batch.rollup, run.next, now);
        else {
          this.spool.discard();
          commitEmpty(cfg, run.cursor, run.next, opts.resetCursor);
        }
        return unsaved;
      }
      /** The first run in digest mode (no cursor yet) with failures waiting: its line says how digests work. */
      #firstRun(run) {
        return run.cursor.highWater === void 0 && this.ctx.cfg.alert.mode === "digest" && this.spool.total > 0;
      }
      #found(run) {
        return run.batch.rollup.seenTotal - this.#spooled;
      }
      /**
       * When the spooled digest goes out: now in each-run mode, with --flush or an opened incident; else
       * at the first boundary after the spool opened (Spool.dueAt). `opensAt`: when a spool not open yet
       * would open with this run's failures (a dry run, which commits nothing).
       */
      #due(urgent, opensAt) {
        const { cfg } = this.ctx;
        const at = this.spool.dueAt(cfg.alert.schedule, cfg.mail.timezone, opensAt);
        if (at === void 0) return void 0;
        return cfg.alert.mode === "each-run" || urgent ? "now" : at;
      }
      #waiting(run, due, late) {
        const { spool } = this;
        const counts = { found: this.#found(run), mailed: 0, muted: spool.muted, filtered: 0, pending: spool.total };
        return { kind: "waiting", ...counts, spooled: run.batch.mailed.size, due, late, notes: run.notes, info: [] };
      }
    };
  }
});

// src/poll/poll.ts
async function poll(cfg, opts, deadline, io, sys) {
  stopIfAsked(sys.stop);
  const incidents = incidentsOn(cfg, opts.since !== void 0) ? new PollIncidents(cfg, sys.now()) : void 0;
  const mutes = loadMutes(cfg.stateDir, sys.now());
  const fmt = timeFormat(cfg.mail.timezone);
  const footer2 = mutes.active.map((m) => footerMute(m, fmt));
  const ctx = { cfg, opts, deadline, io, sys, incidents, mutes: footer2, mute: muteLabels(mutes) };
  const r = await pollThrough(ctx, openOutbox(ctx));
  const said2 = mutes.ignored.map((m) => `mute ${m.id} (${targetText(m)}): ${ignoredText(m, fmt)}`);
  return said2.length === 0 ? r : { ...r, notes: [...r.notes, ...said2] };
}
function openOutbox(ctx) {
  const { cfg, opts } = ctx;
  const spool = opts.since !== void 0 ? void 0 : Spool.open(cfg.stateDir, !opts.dryRun);
  const spooling = spool && (cfg.alert.mode === "digest" || spool.total + spool.muted > 0 || ctx.mute);
  return spooling ? new SpoolOutbox(ctx, spool) : new DirectOutbox(ctx);
}
async function pollThrough(ctx, outbox) {
  const { sys } = ctx;
  const run = await untilStopped(sys.stop, fetchInto(ctx, outbox), THE_RUN, () => "fetched-again");
  failpoint("after-fetch");
  return { ...await pollFetched(ctx, outbox, run), unreadable: run.unreadable.total };
}
async function pollFetched(ctx, outbox, run) {
  const { cfg, sys } = ctx;
  if (ctx.opts.dryRun) return outbox.preview(run);
  try {
    const waiting = outbox.hold(run);
    if (waiting) return waiting;
    if (ctx.deadline.remaining() < minSendMs(cfg)) return outbox.late(run);
    const letter = outbox.letter(run);
    const sending = recordingDelivery(
      async () => delivered(ctx, await sendPollMail(cfg, ctx.deadline, letter), letter, run.notes)
    );
    return await untilStopped(sys.stop, sending, THE_RUN, () => letter.recording.left);
  } finally {
    outbox.close();
  }
}
async function fetchInto(ctx, outbox) {
  const { cfg, opts } = ctx;
  const cursor = outbox.cursor;
  let fetched;
  try {
    fetched = await fetchBatch(ctx, cursor, () => outbox.rollup());
  } catch (err) {
    outbox.abandon();
    throw err;
  }
  const { batch, unreadable } = fetched;
  const next = opts.since !== void 0 ? cursor : nextCursor(cfg, cursor, batch);
  const facts = { unreadable, batch, cursor, next };
  return { ...facts, notes: [...runNotes(cfg, facts), ...outbox.notes] };
}
var init_poll = __esm({
  "src/poll/poll.ts"() {
    "use strict";
    init_interrupt();
    init_testing();
    init_label();
    init_store();
    init_target();
    init_words();
    init_time();
    init_spool();
    init_context();
    init_fetch();
    init_incidents2();
    init_mail();
    init_notes();
    init_outbox_direct();
    init_outbox_spool();
  }
});

// src/poll/result.ts
function pollOutcome(r) {
  const { message, data: counts } = said(r);
  const data = r.unreadable ? { ...counts, unreadable: r.unreadable } : counts;
  const full = [message, ...r.notes, ...r.info].join("; ");
  if (r.broken) return { exitCode: Exit.usage, status: "ERROR", message: `${full}; but ${r.broken}`, data };
  return { exitCode: Exit.ok, status: r.notes.length ? "WARN" : "OK", message: full, data };
}
function said(r) {
  switch (r.kind) {
    case "none":
      return { message: "no new failures" };
    case "aside":
      return { message: asideLine(r), data: { mailed: 0, muted: r.muted, filtered: r.filtered } };
    case "mailed":
      return mailedLine(r);
    case "waiting": {
      const message = `${waitingText(r)}${r.firstRun ? `; ${FIRST_RUN}` : ""}`;
      if (r.late) return { message, data: { mailed: 0, pending: r.pending } };
      const dueAt = typeof r.due === "number" ? summaryTime(r.due) : void 0;
      return { message, data: { mailed: 0, spooled: r.spooled, pending: r.pending, muted: r.muted, dueAt } };
    }
    case "dry-run":
      return { message: dryRunLine(r) };
  }
}
function asideLine(r) {
  const why = [...r.muted ? [`${r.muted} muted`] : [], ...r.filteredBy ?? []];
  const all = r.muted === 0 ? "filtered out" : r.filtered === 0 ? "muted" : "muted or filtered out";
  const tail = r.committed ? "cursor advanced" : "cursor unchanged";
  return `${plural(r.found, "new failure")}, all ${all} (${why.join(", ")}): nothing mailed, ${tail}`;
}
function mailedLine(r) {
  const to = `${plural(r.to ?? 0, "recipient")}${asideText(r)}`;
  const what = r.digest ? `digest of ${plural(r.mailed, "failure")} mailed to ${to}; ${r.digest.fresh} new this run${newestText(r)}` : r.backfill ? `${plural(r.mailed, "failure")} backfilled, mailed to ${to}${newestText(r)}${BACKFILL}` : `${plural(r.mailed, "new failure")} mailed to ${to}${newestText(r)}`;
  const data = {
    mailed: r.mailed,
    muted: r.muted,
    filtered: r.filtered,
    withheld: r.withheld
  };
  if (r.attachmentRows !== void 0) data.attachmentRows = r.attachmentRows;
  return { message: `${what}${r.incident ?? ""}`, data };
}
function dryRunLine(r) {
  const said2 = r.incident ?? "";
  if (!r.digest) {
    const found = `${plural(r.mailed, r.backfill ? "failure" : "new failure")} found${asideText(r)}`;
    return `dry run: ${found}, nothing sent, cursor unchanged${newestText(r)}${said2}`;
  }
  const fresh = plural(r.found, "new failure");
  if (r.mailed === 0) return `dry run: ${fresh}, nothing for the mail body; nothing sent, cursor unchanged`;
  const when2 = r.due === void 0 || r.due === "now" ? "now" : `at ${summaryTime(r.due)}`;
  const what = `the digest of ${plural(r.mailed, "failure")} would go out ${when2}`;
  return `dry run: ${fresh} found; ${what}; nothing sent, cursor unchanged${said2}`;
}
function waitingText(r) {
  const fresh = r.found > 0 ? plural(r.found, "new failure") : "no new failures";
  const muted = r.muted > 0 ? `, ${r.muted} muted` : "";
  if (r.pending === 0) {
    if (r.muted === 0) return r.found > 0 ? `${fresh}, none for the mail body` : fresh;
    return `${fresh}; ${r.muted} muted failure(s) wait in the spool for the next mail`;
  }
  const when2 = r.due === void 0 || r.due === "now" ? "now" : `at ${summaryTime(r.due)}`;
  return `${r.found > 0 ? `${fresh} spooled` : fresh}; ${r.pending} pending for the digest ${when2}${muted}`;
}
function asideText(r) {
  const muted = r.muted > 0 ? `, ${r.muted} muted (attached)` : "";
  return `${muted}${r.filtered > 0 ? `, ${r.filtered} filtered out` : ""}`;
}
var BACKFILL, FIRST_RUN, newestText;
var init_result = __esm({
  "src/poll/result.ts"() {
    "use strict";
    init_errors();
    init_plural();
    init_times();
    BACKFILL = " (backfill: cursor unchanged)";
    FIRST_RUN = "routine failures arrive in one digest per period, incidents at once; run --flush sends the first digest now";
    newestText = (r) => r.newest === void 0 ? "" : ` (newest ${summaryTime(r.newest)})`;
  }
});

// src/state/sweep.ts
function ownTempName(names2) {
  const alt = names2.map(literally).join("|");
  return new RegExp(`^(?:\\.(?:${alt})\\.\\d+\\.tmp|run\\.lock\\.\\d+\\.stale)$`);
}
function sweepTemps(dir, names2, now, olderThanMs) {
  const ours = ownTempName(names2);
  let swept = 0;
  let entries;
  try {
    entries = (0, import_node_fs17.readdirSync)(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    if (!ours.test(name)) continue;
    try {
      const st = (0, import_node_fs17.lstatSync)((0, import_node_path14.join)(dir, name));
      if (!st.isFile() || now - st.mtimeMs < olderThanMs) continue;
      (0, import_node_fs17.rmSync)((0, import_node_path14.join)(dir, name), { force: true });
      swept++;
    } catch {
    }
  }
  return swept;
}
var import_node_fs17, import_node_path14, literally;
var init_sweep = __esm({
  "src/state/sweep.ts"() {
    "use strict";
    import_node_fs17 = require("node:fs");
    import_node_path14 = require("node:path");
    literally = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
});

// src/commands/run.ts
var run_exports = {};
__export(run_exports, {
  runPoll: () => runPoll
});
async function runPoll(cfg, opts, sys, io) {
  requireSettings(cfg, ["ise", "mail"]);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  const once = (recovery) => poll(cfg, { ...opts, recovery }, deadline, io, sys);
  let release = () => void 0;
  try {
    if (!opts.dryRun) release = acquireLock(cfg.stateDir, runLockEnv(cfg.deadlineMs, sys));
  } catch (err) {
    throw await refused(cfg, opts, sys, deadline, err);
  }
  try {
    if (!opts.dryRun) sweepTemps(cfg.stateDir, stateFileNames(cfg.stateDir), sys.now(), cfg.deadlineMs + RUN_TAIL_MS);
    const line = (r) => pollOutcome(r).message;
    const result = opts.dryRun || opts.since !== void 0 ? await once() : await watchedPoll(cfg, sys, deadline, once, line);
    return flushNote(cfg, opts, pollOutcome(result));
  } finally {
    release();
  }
}
function flushNote(cfg, opts, out) {
  if (!opts.flush || cfg.alert.mode === "digest" || out.status === "ERROR") return out;
  const note3 = `--flush has no effect with ALERT_MODE=${cfg.alert.mode}: every run mails at once`;
  return { ...out, status: "WARN", message: `${out.message}; ${note3}` };
}
async function refused(cfg, opts, sys, deadline, err) {
  if (opts.since !== void 0) return err;
  if (err instanceof LockUnwritable) return unwritableFailure(cfg, sys, deadline, err);
  if (!(err instanceof LockHeld) || !err.owner) return err;
  const { pid, started } = err.owner;
  const heldMs = sys.now() - started;
  if (heldMs < cfg.health.alertAfterMs) return err;
  const holder = `another run (pid ${pid}, started ${summaryTime(started)})`;
  const stuck = new AppError(
    "lock-stuck",
    `${holder} has held ${err.file} for ${Math.round(heldMs / 6e4)} min, longer than HEALTH_ALERT_AFTER: it may be stuck; this run did nothing. Stop that process, or delete the file if it is gone`
  );
  return stuckLockFailure(cfg, sys, deadline, stuck, started);
}
var init_run = __esm({
  "src/commands/run.ts"() {
    "use strict";
    init_require();
    init_deadline();
    init_errors();
    init_times();
    init_watch();
    init_poll();
    init_result();
    init_files();
    init_lock();
    init_sweep();
  }
});

// src/render/sample.ts
function sampleFailures(now) {
  return SPECS.map((s, i) => ({
    id: String(1494300801107032 + i),
    timestamp: new Date(now - s.ago).toISOString(),
    failureReason: s.reason,
    messageCode: 5400,
    userName: s.user,
    serverName: "ise-psn-01",
    ...NAS[s.nas],
    callingStationId: s.mac,
    identityStore: s.reason.startsWith("24408") ? "CORP-AD" : "Internal Users",
    authenticationMethod: s.reason.startsWith("12514") ? "x509_PKI" : "PAP_ASCII",
    deviceType: "Device Type#All Device Types#Access-Switch",
    executionSteps: ["11001", "11017", "15049", s.reason.slice(0, 5), "11003"]
  }));
}
var NAS, SPECS;
var init_sample = __esm({
  "src/render/sample.ts"() {
    "use strict";
    NAS = [
      {
        nasName: "c9300-floor2.example.net",
        nasIpAddress: "10.10.20.11",
        nasPortId: "GigabitEthernet1/0/14",
        location: "Location#All Locations#Building-A#Floor-2"
      },
      {
        nasName: "wlc-hq-01.example.net",
        nasIpAddress: "10.10.9.5",
        nasPortId: "capwap_90000004",
        location: "Location#All Locations#HQ"
      }
    ];
    SPECS = [
      {
        ago: 6e4,
        user: "jdoe (sample)",
        mac: "00-11-22-33-44-55",
        nas: 0,
        reason: "22040 Wrong password or invalid shared secret"
      },
      {
        ago: 18e4,
        user: "jdoe (sample)",
        mac: "00-11-22-33-44-55",
        nas: 0,
        reason: "22040 Wrong password or invalid shared secret"
      },
      {
        ago: 24e4,
        user: "asmith (sample)",
        mac: "A4-5E-60-C1-22-9B",
        nas: 1,
        reason: "24408 User authentication against Active Directory failed since user has entered the wrong password"
      },
      {
        ago: 42e4,
        user: "host/LAPTOP-7F3K2 (sample)",
        mac: "3C-22-FB-10-0A-7E",
        nas: 1,
        reason: "12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain"
      },
      {
        ago: 54e4,
        user: "8C-85-90-1A-2B-3C (sample)",
        mac: "8C-85-90-1A-2B-3C",
        nas: 0,
        reason: "22056 Subject not found in the applicable identity store(s)"
      }
    ];
  }
});

// src/commands/test-mail.ts
var test_mail_exports = {};
__export(test_mail_exports, {
  testMail: () => testMail
});
async function testMail(cfg, sys) {
  requireSettings(cfg, ["mail"]);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  const digest = new Rollup({ attach: cfg.mail.attach });
  for (const r of sampleFailures(sys.now())) digest.add(r);
  const sent = await sendAsIs(cfg, deadline, composeMail(cfg, digest, { now: sys.now(), test: true }));
  const n = cfg.mail.dest.length - sent.rejected.length;
  const message = `test mail sent to ${plural(n, "recipient")}`;
  if (sent.rejected.length === 0) return { exitCode: Exit.ok, status: "OK", message };
  return {
    exitCode: Exit.ok,
    status: "WARN",
    message: `${message}; the mail server refused ${sent.rejected.join(", ")}: check MAIL_DEST`
  };
}
var init_test_mail = __esm({
  "src/commands/test-mail.ts"() {
    "use strict";
    init_require();
    init_deadline();
    init_errors();
    init_plural();
    init_message();
    init_sample();
    init_rollup();
    init_fit();
  }
});

// src/commands/setup.ts
var setup_exports = {};
__export(setup_exports, {
  setup: () => setup
});
async function setup(cfg, sys, io) {
  requireSettings(cfg, ["ise"]);
  const http = new PxHttp(loadTls(cfg.ise, sys.now()), new Deadline(cfg.deadlineMs, sys.now));
  const mode = cfg.ise.cert ? `certificate ${cfg.ise.cert}` : "password";
  io.out(
    `pxGrid client ${cfg.ise.nodeName} (${mode} auth) at ${cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(", ")}`
  );
  try {
    const acct = await activate(cfg, new PxControl(http, cfg.ise.hosts), {
      stateDir: cfg.stateDir,
      description: DESCRIPTION
    });
    if (acct.created)
      io.out(`created the client on ISE; its password is in ${acct.file} (keep it: ISE never shows it again)`);
    else if (acct.file) io.out(`using the stored password in ${acct.file}`);
    io.out(`account state: ${acct.state}`);
    const err = accountStateError(acct.auth.user, acct.state, "run setup again");
    if (!err) {
      return {
        exitCode: Exit.ok,
        status: "OK",
        message: `pxGrid client ${acct.auth.user} is ENABLED: next, run doctor, then install the EEM applet (${alertPolicy(cfg)})`,
        data: { accountState: acct.state }
      };
    }
    return {
      exitCode: err.exitCode,
      status: acct.state === "PENDING" ? "WARN" : "ERROR",
      message: err.message,
      data: { accountState: acct.state }
    };
  } finally {
    await http.close();
  }
}
var alertPolicy;
var init_setup = __esm({
  "src/commands/setup.ts"() {
    "use strict";
    init_require();
    init_deadline();
    init_errors();
    init_account();
    init_control();
    init_http();
    init_session();
    init_tls();
    alertPolicy = (cfg) => cfg.alert.mode === "digest" ? "routine failures then arrive in one digest per period, incidents at once; run --flush sends the first digest now" : "ALERT_MODE=each-run: one mail per run that finds failures";
  }
});

// src/doctor/local-checks.ts
function withTimeout(p, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(what), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
async function dnsCheck(ctx, report, host, key, exitCode) {
  if ((0, import_node_net2.isIP)(host)) {
    report.ok(`dns ${host}`, "an IP address, no lookup needed");
    return true;
  }
  const found = await report.probe(`dns ${host}`, exitCode, async () => {
    try {
      const addrs = await withTimeout((0, import_promises2.lookup)(host, { all: true }), ctx.deadline.cap(STEP_MS2), "DNS lookup timed out");
      return { value: true, detail: addrs.map((a) => a.address).join(", ") };
    } catch (err) {
      throw new Error(
        `${host} does not resolve (${err.code ?? describe(err)}): check ${key} and the DNS server in Guestshell (/etc/resolv.conf)`
      );
    }
  });
  return found === true;
}
async function tcpCheck(ctx, report, host, port2, remedy, exitCode) {
  const ok4 = await report.probe(`tcp ${host}:${port2}`, exitCode, async () => {
    const ms = ctx.deadline.cap(STEP_MS2);
    await new Promise((resolve3, reject) => {
      const socket = (0, import_node_net2.connect)({ host, port: port2, timeout: ms });
      socket.once("connect", () => {
        socket.destroy();
        resolve3();
      });
      socket.once("timeout", () => {
        socket.destroy();
        reject(new Error(`no answer within ${ms} ms: ${remedy}`));
      });
      socket.once("error", (err) => reject(new Error(`${errCode(err) || describe(err)}: ${remedy}`)));
    });
    return { value: true, detail: "connected" };
  });
  return ok4 === true;
}
async function stateDirCheck(ctx, report) {
  const dir = ctx.cfg.stateDir;
  await report.probe("state dir", Exit.usage, () => {
    const probe = (0, import_node_path15.join)(dir, `.doctor-${ctx.sys.pid}.tmp`);
    try {
      makeStateDir(dir);
      (0, import_node_fs18.writeFileSync)(probe, "ise-to-mail doctor\n", { mode: 384, flag: "wx" });
      (0, import_node_fs18.unlinkSync)(probe);
    } catch (err) {
      throw usageError(
        `${dir} is not writable (${errCode(err) || describe(err)}): point STATE_DIR (or --state-dir) at a writable directory, e.g. under /bootflash/guest-share`
      );
    }
    return { value: true, detail: `${dir} is writable` };
  });
}
async function smtpChecks(ctx, report) {
  const { smtp } = ctx.cfg;
  const host = smtp.host ?? "";
  if (!await dnsCheck(ctx, report, host, "SMTP_SERVER", Exit.mail)) return report.skip("smtp", "needs DNS");
  if (!await tcpCheck(
    ctx,
    report,
    host,
    smtp.port,
    "check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell",
    Exit.mail
  ))
    return report.skip("smtp", "needs TCP");
  await report.probe(`smtp ${host}:${smtp.port}`, Exit.mail, async () => {
    const options = connectionOptions(ctx.cfg, new Deadline(ctx.deadline.cap(STEP_MS2), ctx.sys.now));
    let authed;
    try {
      authed = await smtpVerify(options, smtpAuth(ctx.cfg));
    } catch (err) {
      throw smtpError(ctx.cfg, err, "check");
    }
    const tls = smtp.security === "none" ? "no TLS (SMTP_SECURITY=none)" : smtp.security === "tls" ? "implicit TLS" : "STARTTLS";
    const auth = !smtp.user ? "no AUTH configured" : authed ? `AUTH as ${smtp.user} accepted` : "the server offered no AUTH, so MAIL_USER is not used (a relay that needs it offers AUTH only after STARTTLS: SMTP_SECURITY=starttls)";
    return { value: true, detail: `${tls}, ${auth}` };
  });
}
var import_promises2, import_node_fs18, import_node_net2, import_node_path15, STEP_MS2;
var init_local_checks = __esm({
  "src/doctor/local-checks.ts"() {
    "use strict";
    import_promises2 = require("node:dns/promises");
    import_node_fs18 = require("node:fs");
    import_node_net2 = require("node:net");
    import_node_path15 = require("node:path");
    init_deadline();
    init_errcode();
    init_errors();
    init_smtp();
    init_transport();
    init_files();
    STEP_MS2 = 1e4;
  }
});

// src/doctor/ise-checks.ts
async function iseChecks(ctx, report, tls) {
  for (const ep of ctx.cfg.ise.hosts) await hostChecks(ctx, report, ep, tls);
  const http = new PxHttp(tls, ctx.deadline);
  try {
    await pxgridChecks(ctx, report, http);
  } finally {
    await http.close();
  }
}
async function hostChecks(ctx, report, ep, tls) {
  if (!await dnsCheck(ctx, report, ep.host, "ISE_HOST", Exit.ise)) return;
  const remedy = "check ISE_HOST, PXGRID_PORT (8910), the firewall, and that pxGrid runs on that node (Administration > System > Deployment)";
  if (!await tcpCheck(ctx, report, ep.host, ep.port, remedy, Exit.ise)) return;
  await report.probe(`tls ${ep.host}:${ep.port}`, Exit.ise, async () => {
    const detail = await verifiedHandshake(ctx, ep, tls);
    if (!tls.rejectUnauthorized) {
      throw iseError(
        `ISE_INSECURE=1: runs do NOT verify ISE's certificate, although it verifies with ISE_CA (${detail}): remove ISE_INSECURE`
      );
    }
    return { value: true, detail };
  });
}
async function verifiedHandshake(ctx, ep, tls) {
  const ms = ctx.deadline.cap(STEP_MS3);
  return new Promise((resolve3, reject) => {
    const socket = (0, import_node_tls2.connect)({
      host: ep.host,
      port: ep.port,
      servername: (0, import_node_net3.isIP)(ep.host) ? void 0 : ep.host,
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      passphrase: tls.passphrase,
      maxVersion: "TLSv1.2",
      rejectUnauthorized: true,
      timeout: ms
    });
    socket.once("secureConnect", () => {
      const peer = socket.getPeerCertificate();
      socket.destroy();
      resolve3(
        `certificate ${peer.subject?.CN ?? "?"} verified by ISE_CA, valid until ${new Date(peer.valid_to).toISOString().slice(0, 10)}`
      );
    });
    socket.once("timeout", () => {
      socket.destroy();
      reject(new Error(noHandshake(ms, ep.port)));
    });
    socket.once(
      "error",
      (err) => reject(transportError(`https://${ep.host}:${ep.port}/`, err, void 0, Boolean(tls.cert)))
    );
  });
}
async function pxgridChecks(ctx, report, http) {
  const { cfg } = ctx;
  const control = new PxControl(http, cfg.ise.hosts);
  const auth = await report.probe("pxGrid account", Exit.ise, async () => {
    const creds = await credentials(cfg, void 0, cfg.stateDir);
    const res = await accountActivate(control, creds.auth, DESCRIPTION, creds.file);
    const state = res.accountState.toUpperCase();
    const err = accountStateError(creds.auth.user, state, "run doctor again");
    if (err) throw err;
    return { value: creds.auth, detail: `${creds.auth.user} is ENABLED (pxGrid ${res.version ?? "version unknown"})` };
  });
  if (!auth) return report.skip("service lookup", "needs an ENABLED pxGrid account");
  const nodes = await report.probe("service lookup", Exit.ise, async () => {
    const list2 = await radiusNodes(control, auth);
    return { value: list2, detail: list2.map((n) => `${n.nodeName} ${restBaseUrl(n)}`).join(", ") };
  });
  if (!nodes) return report.skip("getFailures", "needs a RADIUS service node");
  for (const node of nodes) await nodeChecks(ctx, report, { http, control, auth }, node);
}
async function nodeChecks(ctx, report, px, node) {
  const secret = await report.probe(`secret ${node.nodeName}`, Exit.ise, async () => ({
    value: await accessSecret(px.control, px.auth, node.nodeName),
    detail: "AccessSecret received"
  }));
  if (!secret) return report.skip(`getFailures ${node.nodeName}`, "needs its secret");
  await report.probe(`getFailures ${node.nodeName}`, Exit.ise, async () => {
    const since = new Date(ctx.sys.now() - 6e4).toISOString();
    let n = 0;
    try {
      await streamFailures(px.http, restBaseUrl(node), { user: px.auth.user, pass: secret }, since, {
        begin: () => void 0,
        add: () => n++
      });
    } catch (err) {
      if (err instanceof ServiceStatusError) {
        throw iseError(
          `HTTP ${err.status} from ${restBaseUrl(node)}: check the client's authorization (Administration > pxGrid Services > Client Management > Policy) and the MnT node's health`
        );
      }
      throw err;
    }
    return { value: true, detail: `${n} failure(s) in the last minute` };
  });
}
var import_node_net3, import_node_tls2, STEP_MS3;
var init_ise_checks = __esm({
  "src/doctor/ise-checks.ts"() {
    "use strict";
    import_node_net3 = require("node:net");
    import_node_tls2 = require("node:tls");
    init_errors();
    init_account();
    init_control();
    init_failures();
    init_http();
    init_session();
    init_transport_errors();
    init_local_checks();
    STEP_MS3 = 1e4;
  }
});

// src/doctor/incident-line.ts
function incidentLine(ctx, report, fmt) {
  const { cfg, sys } = ctx;
  const s = cfg.incidents;
  const { on, why } = incidentsState(s.mode, cfg.alert.mode);
  const info = (detail) => report.add({ name: "incidents", status: "info", detail, exitCode: Exit.ok });
  if (!on) return info(`off: ${why}${s.mode === "auto" ? " (INCIDENTS=on turns them on)" : ""}`);
  let since;
  try {
    since = loadIncidentState(cfg.stateDir)?.since;
  } catch (err) {
    return report.fail("incidents", err, Exit.usage);
  }
  const quiet = "no incident mails until then";
  const learning = since === void 0 ? `learning for ${left(s.learningMs)} from the first run (INCIDENT_LEARNING): ${quiet}` : since + s.learningMs > sys.now() ? `learning until ${fmt(since + s.learningMs)} (INCIDENT_LEARNING ${left(s.learningMs)}): ${quiet}` : `learned since ${fmt(since + s.learningMs)}`;
  const rules = s.rules.size ? [...s.rules].join(", ") : "none (every INCIDENT_<RULE> is off)";
  info(`on: ${why}; ${learning}; rules: ${rules}`);
}
var init_incident_line = __esm({
  "src/doctor/incident-line.ts"() {
    "use strict";
    init_incidents();
    init_errors();
    init_state();
    init_words();
  }
});

// src/doctor/policy-lines.ts
function policyLines(ctx, report) {
  const { cfg, sys } = ctx;
  const info = (name, detail) => report.add({ name, status: "info", detail, exitCode: Exit.ok });
  const fail2 = (name, err) => report.fail(name, err, Exit.usage);
  const fmt = timeFormat(cfg.mail.timezone);
  const digest = cfg.alert.mode === "digest";
  if (digest)
    info(
      "alert policy",
      `ALERT_MODE=digest, ${describeSchedule(cfg.alert.schedule, cfg.mail.timezone)}: routine failures arrive in one digest per period, incidents at once (run --flush sends the pending digest now)`
    );
  incidentLine(ctx, report, fmt);
  try {
    const spool = Spool.open(cfg.stateDir, false);
    const held = spool.total + spool.muted;
    if (held === 0 && digest) info("digest", "nothing pending");
    else if (held > 0) {
      const at = spool.dueAt(cfg.alert.schedule, cfg.mail.timezone);
      const when2 = !digest ? "goes out with the next mail" : at === void 0 ? "waits for a failure for the mail body" : `goes out with the first run at or after ${fmt(at)} (run --flush sends it now)`;
      const since = spool.openedAt === void 0 ? "" : ` since ${fmt(spool.openedAt)}`;
      const muted = spool.muted ? `, ${spool.muted} muted` : "";
      info(
        "digest",
        `${plural(spool.total, "failure")} pending${since}${muted}; ${when2}; ${spool.bytes} bytes of records kept`
      );
    }
  } catch (err) {
    fail2("digest spool", err);
  }
  try {
    const mutes = loadMutes(cfg.stateDir, sys.now());
    const all = (m) => matchesEverything(m) ? " (matches every failure)" : "";
    const list2 = mutes.active.map((m) => `${m.kind}:${m.value} until ${fmt(m.until)}${all(m)}`).join("; ");
    if (mutes.active.length) info("mutes", `${plural(mutes.active.length, "active mute")}: ${list2} (run.js mutes)`);
    for (const m of mutes.ignored) info("mutes", `${m.kind}:${m.value} (id ${m.id}) ${ignoredText(m, fmt)}`);
    if (mutes.active.length === 0) info("mutes", "none active (run.js mute adds one)");
  } catch (err) {
    fail2("mutes", err);
  }
}
var init_policy_lines = __esm({
  "src/doctor/policy-lines.ts"() {
    "use strict";
    init_errors();
    init_plural();
    init_store();
    init_target();
    init_words();
    init_time();
    init_schedule();
    init_spool();
    init_incident_line();
  }
});

// src/doctor/report.ts
var DoctorReport;
var init_report = __esm({
  "src/doctor/report.ts"() {
    "use strict";
    init_errors();
    DoctorReport = class {
      constructor(io) {
        this.io = io;
      }
      io;
      results = [];
      add(r) {
        this.results.push(r);
        this.io.out(`${r.status.padEnd(4)} ${r.name}: ${r.detail}`.replace(/[\r\n]+/g, " "));
      }
      ok(name, detail) {
        this.add({ name, status: "ok", detail, exitCode: Exit.ok });
      }
      fail(name, err, fallback = Exit.internal) {
        const exitCode = err instanceof AppError ? err.exitCode : fallback;
        this.add({
          name,
          status: "FAIL",
          detail: err instanceof Error ? err instanceof AppError ? err.message : describe(err) : String(err),
          exitCode
        });
      }
      skip(name, why) {
        this.add({ name, status: "skip", detail: why, exitCode: Exit.ok });
      }
      /** Runs one check: its resolved text is the `ok` detail, a throw is the FAIL line. */
      async probe(name, fallback, fn) {
        try {
          const { value, detail } = await fn();
          this.ok(name, detail);
          return value;
        } catch (err) {
          this.fail(name, err, fallback);
          return void 0;
        }
      }
      outcome() {
        const failed = this.results.filter((r) => r.status === "FAIL");
        const counted = this.results.filter((r) => r.status === "ok" || r.status === "FAIL").length;
        const first = failed[0];
        if (!first) return { exitCode: Exit.ok, status: "OK", message: `doctor: all ${counted} checks passed` };
        return {
          exitCode: first.exitCode,
          status: "ERROR",
          message: `doctor: ${failed.length} of ${counted} checks failed, first: ${first.name}`,
          data: { failed: failed.map((r) => r.name) }
        };
      }
    };
  }
});

// src/commands/doctor.ts
var doctor_exports = {};
__export(doctor_exports, {
  doctor: () => doctor
});
async function doctor(loadConfig2, sys, io) {
  const report = new DoctorReport(io);
  const cfg = await report.probe("config", Exit.usage, () => {
    const c = loadOrExplain(loadConfig2);
    return { value: c, detail: `${c.configFile ?? "no config file, environment only"}; STATE_DIR ${c.stateDir}` };
  });
  if (!cfg) return report.outcome();
  const ctx = { cfg, sys, deadline: new Deadline(cfg.deadlineMs, sys.now) };
  const tls = await report.probe("config ISE", Exit.usage, () => {
    requireSettings(cfg, ["ise"]);
    const auth = cfg.ise.cert ? `certificate ${cfg.ise.cert} (key matches)` : "password";
    return {
      value: loadTls(cfg.ise, sys.now()),
      detail: `${cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(", ")}, client ${cfg.ise.nodeName}, ${auth} auth`
    };
  });
  const mail = await report.probe("config mail", Exit.usage, () => {
    requireSettings(cfg, ["mail"]);
    return {
      value: true,
      detail: `${cfg.smtp.host}:${cfg.smtp.port} (${cfg.smtp.security}), from ${cfg.mail.from} to ${cfg.mail.dest.length} recipient(s)`
    };
  });
  await stateDirCheck(ctx, report);
  if (tls) await iseChecks(ctx, report, tls);
  else report.skip("ISE", "fix the ISE settings first");
  if (mail) await smtpChecks(ctx, report);
  else report.skip("SMTP", "fix the mail settings first");
  healthLines(ctx, report);
  policyLines(ctx, report);
  return report.outcome();
}
function loadOrExplain(loadConfig2) {
  try {
    return loadConfig2([]);
  } catch (err) {
    loadConfig2(["ise", "mail"]);
    throw err;
  }
}
function healthLines(ctx, report) {
  for (const line of describeHealth(ctx.cfg.stateDir, ctx.sys.now())) {
    const text4 = line.replace(/^health: /, "");
    if (text4.startsWith("FAIL "))
      report.add({ name: "health", status: "FAIL", detail: text4.slice(5), exitCode: Exit.usage });
    else report.add({ name: "health", status: "info", detail: text4, exitCode: Exit.ok });
  }
}
var init_doctor = __esm({
  "src/commands/doctor.ts"() {
    "use strict";
    init_require();
    init_deadline();
    init_errors();
    init_ise_checks();
    init_local_checks();
    init_policy_lines();
    init_report();
    init_health_record();
    init_tls();
  }
});

// eem/iosxe-backfill.txt
var iosxe_backfill_default;
var init_iosxe_backfill = __esm({
  "eem/iosxe-backfill.txt"() {
    iosxe_backfill_default = '! ise-to-mail backfill: mail every failure since a point in time, once; the cursor is untouched.\n! Run it with: event manager run ise_to_mail_backfill 6h\n!          or: event manager run ise_to_mail_backfill 2026-11-23T08:00:00Z\nconfigure terminal\nevent manager applet ise_to_mail_backfill{{AUTHORIZATION}}\n event none maxrun {{MAXRUN}}\n action 0005 info type routername\n action 0010 if $_none_argc lt "1"\n action 0020  syslog priority warnings msg "ise-to-mail: WARN usage: event manager run ise_to_mail_backfill 6h (a duration or an ISO-8601 time)"\n action 0030  exit\n action 0040 end\n action 0050 cli command "enable"\n action 0060 cli command "terminal length 0"\n action 0070 cli command "guestshell run env ISE_TO_MAIL_ROUTER_NAME=$_info_routername {{NODE}} --max-old-space-size={{HEAP}} --max-semi-space-size=1 --v8-pool-size=1 {{RUN_JS}} --config {{CONFIG}} --since $_none_arg1"\n action 0080 regexp "ise-to-mail: (OK|WARN|ERROR)[^\\r\\n]*" "$_cli_result" line status\n action 0090 if $_regexp_result eq "1"\n action 0100  if $status eq "ERROR"\n action 0110   syslog priority errors msg "$line"\n action 0120  elseif $status eq "WARN"\n action 0130   syslog priority warnings msg "$line"\n action 0140  else\n action 0150   syslog priority informational msg "$line"\n action 0160  end\n action 0170 else\n action 0180  syslog priority errors msg "ise-to-mail: ERROR no summary line from guestshell run (check node at {{NODE}}, Guestshell state, maxrun {{MAXRUN}})"\n action 0190 end\nend\n';
  }
});

// eem/iosxe-cron.txt
var iosxe_cron_default;
var init_iosxe_cron = __esm({
  "eem/iosxe-cron.txt"() {
    iosxe_cron_default = `! ise-to-mail: poll ISE every {{EVERY}}, then log the summary line to syslog.
! Check it with: show logging | include ise-to-mail
! OK lines are informational (severity 6): "logging buffered informational" keeps them.
! Labels are 4 digits: EEM runs actions in the string order of their labels.
! The cron entry runs on the device's local time (clock timezone); each run holds a VTY
! line until it ends (at most maxrun {{MAXRUN}} s), and EEM needs 3 free VTY lines to start one.
! The router's host name (for the mails) comes from "info type routername".
configure terminal
{{SESSION_CLI}}
event manager applet ise_to_mail{{AUTHORIZATION}}
 event timer cron cron-entry "{{CRON}}" maxrun {{MAXRUN}}
 action 0005 info type routername
 action 0010 cli command "enable"
 action 0020 cli command "terminal length 0"
 action 0030 cli command "guestshell run env ISE_TO_MAIL_ROUTER_NAME=$_info_routername {{NODE}} --max-old-space-size={{HEAP}} --max-semi-space-size=1 --v8-pool-size=1 {{RUN_JS}} --config {{CONFIG}}"
 action 0040 regexp "ise-to-mail: (OK|WARN|ERROR)[^\\r\\n]*" "$_cli_result" line status
 action 0050 if $_regexp_result eq "1"
 action 0060  if $status eq "ERROR"
 action 0070   syslog priority errors msg "$line"
 action 0080  elseif $status eq "WARN"
 action 0090   syslog priority warnings msg "$line"
 action 0100  else
 action 0110   syslog priority informational msg "$line"
 action 0120  end
 action 0130 else
 action 0140  syslog priority errors msg "ise-to-mail: ERROR no summary line from guestshell run (check node at {{NODE}}, Guestshell state, maxrun {{MAXRUN}})"
 action 0150 end
end
`;
  }
});

// eem/iosxe-guestshell.txt
var iosxe_guestshell_default;
var init_iosxe_guestshell = __esm({
  "eem/iosxe-guestshell.txt"() {
    iosxe_guestshell_default = '! Guestshell for ise-to-mail on IOS-XE 16.12 and 17.x (one time, in configuration mode).\n! Catalyst 9k, via the management port. Application hosting is not VRF-aware: Guestshell\n! is a host of its own on the management segment and needs its own address, gateway and\n! DNS server. Replace the four <...> values before pasting: a free address in the subnet\n! of GigabitEthernet0/0, its mask, the router of that subnet, a DNS server. With DHCP on\n! that segment, delete the guest-ipaddress and app-default-gateway lines instead.\n! Routers (ISR4k, C8000, ISR1k), the data port of a Catalyst 9300/9400 and 16.x forms:\n! see docs/device.md.\nconfigure terminal\niox\napp-hosting appid guestshell\n app-vnic management guest-interface 0\n  guest-ipaddress <GUEST-IP> netmask <NETMASK>\n app-default-gateway <GATEWAY-IP> guest-interface 0\n name-server0 <DNS-IP>\n app-resource profile custom\n  cpu 800\n  memory {{MEMORY}}\n  persist-disk 20\nend\n! Wait until "show iox-service" shows IOx services Running, then in exec mode:\n!   guestshell enable\n!   guestshell run ip addr\n!   guestshell run ip route\n!   guestshell run getent hosts <ISE_HOST>\n! A changed resource profile may need: guestshell disable / guestshell enable\n';
  }
});

// eem/nxos-scheduler.txt
var nxos_scheduler_default;
var init_nxos_scheduler = __esm({
  "eem/nxos-scheduler.txt"() {
    nxos_scheduler_default = `! UNTESTED ON HARDWARE. NX-OS variant of the ise-to-mail cron applet: NX-OS EEM has
! no cron event, so the scheduler runs the job every {{EVERY}}. Syntax from Cisco's
! Nexus 9000 system management guide (scheduler chapter); confirm on your release.
! The scheduler keeps no run time limit: RUN_DEADLINE in the config file bounds a run.
! Results go to "show scheduler logfile", not to syslog.
! The job runs as the NX-OS user who creates it: {{NODE}} must be a path that user can run.
! Set DEVICE_NAME in the config file: the scheduler cannot pass the switch name.
! TACACS+ users: configure "scheduler aaa-authentication password ..." first.
! NX-OS Guest Shell is CentOS 7 (glibc 2.17): the official Node 18+ build does not start
! there; install the unofficial linux-x64-glibc-217 build (docs/device.md, NX-OS).
configure terminal
feature scheduler
scheduler job name ise_to_mail
 run guestshell chvrf {{VRF}} {{NODE}} --max-old-space-size={{HEAP}} --max-semi-space-size=1 --v8-pool-size=1 {{RUN_JS}} --config {{CONFIG}}
exit
scheduler schedule name ise_to_mail
 job name ise_to_mail
 time start now repeat {{REPEAT}}
exit
end
`;
  }
});

// src/commands/eem-schedule.ts
function minutesOf(every) {
  const ms = parseDuration(every.replace(/min\s*$/i, "m"));
  if (ms === void 0 || ms <= 0)
    throw usageError(`--every "${every}" is not a duration: use minutes, hours or 1d, e.g. 5m, 15m, 1h`);
  return ms / 6e4;
}
function nxosSchedule(every) {
  const minutes = minutesOf(every);
  if (!Number.isInteger(minutes))
    throw usageError(`--every "${every}": the NX-OS scheduler repeats in whole minutes, e.g. 5m, 90m, 2h`);
  return { minutes, repeat: repeatOf(minutes) };
}
function cronSchedule(every, maxrunS = 0) {
  const minutes = minutesOf(every);
  const valid = EVEN_MINUTES.filter((m) => m * 60 >= maxrunS);
  if (!EVEN_MINUTES.includes(minutes)) {
    const floor = maxrunS > 0 ? `, at least --maxrun ${maxrunS}s` : "";
    throw usageError(
      `--every "${every}" cannot repeat evenly in cron: use ${valid.map(intervalText).join(" ")} (divisors of an hour or a day${floor})`
    );
  }
  if (minutes * 60 < maxrunS) {
    throw usageError(
      `--every ${every.trim()} is shorter than --maxrun ${maxrunS}s: a run still going when the next starts would hold a second VTY line; use --every ${intervalText(valid[0] ?? 1440)} or more, or a lower --maxrun`
    );
  }
  const repeat = repeatOf(minutes);
  if (minutes < 60) return { minutes, cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`, repeat };
  const hours = minutes / 60;
  if (hours < 24) return { minutes, cron: hours === 1 ? "0 * * * *" : `0 */${hours} * * *`, repeat };
  return { minutes, cron: "0 0 * * *", repeat };
}
var EVEN_MINUTES, intervalText, repeatOf;
var init_eem_schedule = __esm({
  "src/commands/eem-schedule.ts"() {
    "use strict";
    init_values();
    init_errors();
    EVEN_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];
    intervalText = (minutes) => minutes === 1440 ? "1d" : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
    repeatOf = (m) => `${Math.floor(m / 1440)}:${Math.floor(m % 1440 / 60)}:${m % 60}`;
  }
});

// src/commands/eem.ts
var eem_exports = {};
__export(eem_exports, {
  GUESTSHELL_NODE: () => GUESTSHELL_NODE,
  TEMPLATES: () => TEMPLATES,
  deviceDir: () => deviceDir,
  fill: () => fill,
  placeholders: () => placeholders,
  renderEem: () => renderEem
});
function fill(template, values) {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name) => {
    const v = values[name];
    if (v === void 0) throw new Error(`eem template placeholder {{${name}}} has no value`);
    return v;
  });
}
function integer2(flag, text4, min, max) {
  const n = Number(text4);
  if (!/^\d+$/.test(text4.trim()) || n < min || n > max)
    throw usageError(`${flag} "${text4}" must be a whole number from ${min} to ${max}`);
  return n;
}
function pasteSafe(what, value) {
  if (!/^[A-Za-z0-9_./:@+=,-]+$/.test(value)) {
    throw usageError(`${what} "${value}" cannot go into an EEM command line: use one without spaces, quotes, $ or ?`);
  }
  return value;
}
function deviceDir(opts) {
  if (opts.dir !== void 0 && !(0, import_node_path16.isAbsolute)(opts.dir))
    throw usageError(
      `--dir "${opts.dir}" must be an absolute path on the device, e.g. /bootflash/guest-share/ise_to_mail`
    );
  return opts.dir;
}
function nodePath(opts, sys) {
  if (opts.platform === "nxos" && opts.node === void 0)
    throw usageError(
      "--platform nxos needs --node: NX-OS Guest Shell runs the job as the NX-OS user, so there is no safe default path; install Node under a fixed path such as /opt/node and give --node /opt/node/bin/node"
    );
  return opts.node ?? (opts.dir !== void 0 ? GUESTSHELL_NODE : sys.execPath ?? "node");
}
function iosxeTiming(opts, cfg) {
  const maxrun = integer2("--maxrun", opts.maxrun, 20, 86400);
  const minMaxrun = Math.ceil(cfg.deadlineMs / 1e3) + STARTUP_MARGIN_S;
  if (maxrun < minMaxrun) {
    throw usageError(
      `--maxrun ${maxrun} leaves no room for RUN_DEADLINE (${cfg.deadlineMs / 1e3}s) plus ${STARTUP_MARGIN_S}s of start-up: use --maxrun ${minMaxrun} or more, or lower RUN_DEADLINE`
    );
  }
  return { CRON: cronSchedule(opts.every, maxrun).cron, MAXRUN: String(maxrun) };
}
function placeholders(opts, cfg, sys) {
  const timing = opts.platform === "nxos" ? { REPEAT: nxosSchedule(opts.every).repeat } : iosxeTiming(opts, cfg);
  return {
    ...timing,
    EVERY: opts.every.trim(),
    HEAP: String(integer2("--heap", opts.heap, 16, 4096)),
    MEMORY: String(integer2("--memory", opts.memory, 128, 8192)),
    NODE: pasteSafe("the node path (--node)", nodePath(opts, sys)),
    RUN_JS: pasteSafe("the run.js path (--dir)", (0, import_node_path16.join)(cfg.baseDir, "run.js")),
    // The config file the applet names: --config / ISE_TO_MAIL_CONFIG if given, else the default.
    CONFIG: pasteSafe("the config path (--config)", cfg.configPath),
    VRF: pasteSafe("--vrf", opts.vrf),
    ...aaa(opts)
  };
}
function aaa(opts) {
  if (opts.cliUser === void 0)
    return {
      AUTHORIZATION: " authorization bypass",
      SESSION_CLI: "! AAA: the applets use authorization bypass; eem --cli-user NAME runs them as that user"
    };
  const user = pasteSafe("--cli-user", opts.cliUser);
  return { AUTHORIZATION: "", SESSION_CLI: `event manager session cli username ${user} privilege 15` };
}
function renderEem(opts, cfg, sys, io) {
  const values = placeholders(opts, cfg, sys);
  const parts2 = opts.platform === "nxos" ? [TEMPLATES.nxosScheduler] : [TEMPLATES.iosxeCron, TEMPLATES.iosxeBackfill];
  if (opts.guestshell && opts.platform === "iosxe") parts2.unshift(TEMPLATES.iosxeGuestshell);
  for (const part2 of parts2) {
    for (const line of fill(part2, values).replace(/\n$/, "").split("\n")) io.out(line);
    io.out("");
  }
  const what = opts.platform === "nxos" ? "NX-OS scheduler job (untested on hardware; results in show scheduler logfile, not syslog)" : `IOS-XE applets ise_to_mail and ise_to_mail_backfill (maxrun ${values.MAXRUN}s)`;
  const assumed = opts.dir !== void 0 && opts.node === void 0 ? `, node ${GUESTSHELL_NODE} (the default with --dir: give --node if yours is elsewhere)` : "";
  const user = opts.cliUser !== void 0 && opts.platform === "iosxe" ? `, as AAA user ${opts.cliUser}` : "";
  const message = `${what} rendered: every ${values.EVERY}, run.js at ${values.RUN_JS}${assumed}${user}`;
  if (!(0, import_node_fs19.existsSync)(values.CONFIG)) {
    return {
      exitCode: Exit.ok,
      status: "WARN",
      message: `${message}; ${values.CONFIG} does not exist yet: create it before the first run`,
      afterConfig: true
    };
  }
  return { exitCode: Exit.ok, status: "OK", message, afterConfig: true };
}
var import_node_fs19, import_node_path16, TEMPLATES, GUESTSHELL_NODE, STARTUP_MARGIN_S;
var init_eem = __esm({
  "src/commands/eem.ts"() {
    "use strict";
    import_node_fs19 = require("node:fs");
    import_node_path16 = require("node:path");
    init_iosxe_backfill();
    init_iosxe_cron();
    init_iosxe_guestshell();
    init_nxos_scheduler();
    init_errors();
    init_eem_schedule();
    TEMPLATES = { iosxeCron: iosxe_cron_default, iosxeBackfill: iosxe_backfill_default, iosxeGuestshell: iosxe_guestshell_default, nxosScheduler: nxos_scheduler_default };
    GUESTSHELL_NODE = "/home/guestshell/node/bin/node";
    STARTUP_MARGIN_S = 30;
  }
});

// src/cli/cli.ts
var cli_exports = {};
__export(cli_exports, {
  runCli: () => runCli
});
async function runCli(argv, sys, output) {
  const state = { json: false, verbose: false, secrets: [] };
  const io = {
    out: (line2) => output.stdout(`${redact(line2, state.secrets)}
`),
    err: (line2) => output.stderr(`${redact(line2, state.secrets)}
`),
    // Never "ise-to-mail: ...": the EEM applet matches that prefix in the combined output.
    debug: (line2) => state.verbose && output.stderr(`debug: ${redact(line2, state.secrets)}
`)
  };
  let result;
  const config2 = (cmd, needs = [], where2 = {}) => {
    const cfg = loadConfigFor(cmd, sys, io, needs, where2);
    state.secrets = secretsOf(cfg);
    return cfg;
  };
  const program2 = buildProgram(output, { sys, io, config: config2, done: (o) => result = o });
  program2.on("option:json", () => state.json = true).on("option:verbose", () => state.verbose = true);
  try {
    await program2.parseAsync(argv, { from: "user" });
  } catch (err) {
    result = err instanceof CommanderError ? usageOutcome(err, argv) : failure2(err, io, state.verbose);
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
  }
  if (!result) return 0;
  const line = formatSummary(result, state.json, state.secrets);
  if (line.length >= SUMMARY_MAX && !state.json)
    io.err(`summary line cut for syslog; in full: ${printable(result.message)}`);
  io.out(line);
  return result.exitCode;
}
function usageOutcome(err, argv) {
  const word = argv.find((a) => !a.startsWith("-"));
  const message = err.code === "commander.excessArguments" && word && !COMMANDS.includes(word) ? `unknown command "${word}": the commands are ${COMMANDS.join(", ")}` : err.message.replace(/^error: /, "").replace(/\.$/, "");
  return { exitCode: Exit.usage, status: "ERROR", message: `${message}; see --help` };
}
function failure2(err, io, verbose) {
  if (verbose && err instanceof Error) {
    io.err(err.stack ?? err.message);
    for (let c = err.cause; c; c = c.cause)
      io.err(`caused by: ${c instanceof Error ? c.stack ?? c.message : String(c)}`);
  }
  if (err instanceof AppError)
    return { exitCode: err.exitCode, status: err.kind === "locked" ? "WARN" : "ERROR", message: err.message };
  return {
    exitCode: Exit.internal,
    status: "ERROR",
    message: `internal error: ${describe(err)}; run again with --verbose and report it`
  };
}
function buildProgram(output, ctx) {
  const program2 = new Command("run.js").description("Mail every Cisco ISE RADIUS authentication failure (pxGrid) to your team.").version(VERSION, "--version", "print the version").helpOption("-h, --help", "show this help").option("--config <file>", "config file (default: ise-to-mail.env next to run.js)").option("--state-dir <dir>", "cursor, lock and pxGrid credentials (default: data next to run.js)").option("--insecure", "do not verify ISE TLS certificates (lab only; warns on every run)").option("--json", "print the summary as one JSON object").option("--verbose", "diagnostics and stack traces to stderr").exitOverride().configureOutput({
    writeOut: output.stdout,
    writeErr: output.stderr,
    getOutHelpWidth: () => 79,
    getErrHelpWidth: () => 79,
    outputError: () => void 0
  }).configureHelp({ showGlobalOptions: true }).showHelpAfterError(false);
  addRunCommand(program2, ctx);
  addSimpleCommands(program2, ctx);
  addEemCommand(program2, ctx);
  addMuteCommands(program2, ctx);
  program2.addHelpText("after", () => `${commandFlags(program2)}
${helpEpilog()}`);
  return program2;
}
function addRunCommand(program2, { sys, io, config: config2, done }) {
  program2.command("run", { isDefault: true }).description("one poll: fetch new RADIUS failures, mail them, advance the cursor").addOption(
    new Option("--since <when>", "one-off backfill from an ISO time or a duration (90m, 6h, 2d); cursor untouched")
  ).option("--dry-run", "print the mail instead of sending it; change nothing").option("--reset-cursor", "forget what was mailed and start as on a first run (last hour); not with --since").option("--flush", "send the pending digest now (ALERT_MODE=digest); not with --since").action(async (opts, cmd) => {
    const since = sinceFlag(opts, sys.now());
    const cfg = config2(cmd, ["ise", "mail"]);
    const { runPoll: runPoll2 } = await Promise.resolve().then(() => (init_run(), run_exports));
    const flags = {
      dryRun: Boolean(opts.dryRun),
      resetCursor: Boolean(opts.resetCursor),
      flush: Boolean(opts.flush)
    };
    done(await runPoll2(cfg, { since, ...flags }, sys, io));
  });
}
function addSimpleCommands(program2, { sys, io, config: config2, done }) {
  program2.command("test-mail").description("send one sample alert mail (marked as a test) to check SMTP settings").action(async (_opts, cmd) => {
    const cfg = config2(cmd, ["mail"]);
    const { testMail: testMail2 } = await Promise.resolve().then(() => (init_test_mail(), test_mail_exports));
    done(await untilStopped(sys.stop, testMail2(cfg, sys), "test-mail"));
  });
  program2.command("setup").description("create/activate the pxGrid client account and say what the ISE admin must do next").action(async (_opts, cmd) => {
    const cfg = config2(cmd, ["ise"]);
    const { setup: setup2 } = await Promise.resolve().then(() => (init_setup(), setup_exports));
    done(await untilStopped(sys.stop, setup2(cfg, sys, io), "setup"));
  });
  program2.command("doctor").description("check config, DNS, TCP, TLS, pxGrid account and service, SMTP and STATE_DIR; one line per check").action(async (_opts, cmd) => {
    const { doctor: doctor2 } = await Promise.resolve().then(() => (init_doctor(), doctor_exports));
    done(
      await untilStopped(
        sys.stop,
        doctor2((needs) => config2(cmd, needs), sys, io),
        "doctor"
      )
    );
  });
}
function addEemCommand(program2, { sys, io, config: config2, done }) {
  program2.command("eem").description("print the EEM applets for this install, ready to paste (no ISE/SMTP needed)").option("--every <interval>", "how often to poll: 5m, 10m, 15m, 30m, 1h...", "5m").option("--maxrun <seconds>", "EEM run time limit, above RUN_DEADLINE", "240").option("--heap <MB>", "node --max-old-space-size", "96").addOption(new Option("--platform <name>", "target OS").choices(["iosxe", "nxos"]).default("iosxe")).option("--node <path>", "node binary (default: this one; --dir: /home/guestshell/node/bin/node; nxos: required)").option("--dir <path>", "directory of run.js on the device, where --config is read (default: this one)").option("--vrf <name>", "NX-OS VRF for chvrf", "management").option("--guestshell", "also print the IOS-XE Guestshell/app-hosting setup").option("--memory <MB>", "app-hosting memory for --guestshell", "512").option("--cli-user <name>", "run the applets as this AAA user instead of authorization bypass").action(async (opts, cmd) => {
    const { deviceDir: deviceDir2, renderEem: renderEem2 } = await Promise.resolve().then(() => (init_eem(), eem_exports));
    const cfg = config2(cmd, [], { baseDir: deviceDir2(opts) ?? sys.baseDir, optionalFile: true });
    done(renderEem2(opts, cfg, sys, io));
  });
}
var COMMANDS;
var init_cli = __esm({
  "src/cli/cli.ts"() {
    "use strict";
    init_esm();
    init_errors();
    init_interrupt();
    init_outcome();
    init_printable();
    init_redact();
    init_version();
    init_secrets();
    init_help();
    init_load_config();
    init_mute_commands();
    init_since();
    COMMANDS = ["run", "setup", "doctor", "test-mail", "eem", "mute", "mutes", "unmute"];
  }
});

// src/main.ts
var import_node_path17 = require("node:path");
init_errors();
init_testing();
init_version();
function hostName() {
  return require("node:os").hostname();
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function stopOnSignals(stop) {
  for (const [name, code3] of Object.entries(STOP_SIGNALS)) {
    process.on(name, () => {
      if (!stop.signal.aborted) return stop.abort(name);
      process.stdout.write(
        `ise-to-mail: ERROR stopped by ${name} (again, during cleanup); the next run resumes from the last saved cursor, so no failure is lost
`
      );
      process.exit(code3);
    });
  }
}
async function main(argv) {
  if (argv.length === 1 && argv[0] === "--version") {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  const { runCli: runCli2 } = await Promise.resolve().then(() => (init_cli(), cli_exports));
  const baseDir = (0, import_node_path17.dirname)((0, import_node_path17.resolve)(process.argv[1] ?? "."));
  const stop = new AbortController();
  stopOnSignals(stop);
  const { pid, env, execPath } = process;
  const now = applyTestEnv(env, () => process.kill(pid, "SIGKILL"));
  return runCli2(
    argv,
    {
      pid,
      now,
      alive,
      baseDir,
      env,
      execPath,
      // The default DEVICE_NAME: the router's own name, which the eem applets pass in (EEM
      // `action info type routername`), else Guestshell's host name.
      hostname: env.ISE_TO_MAIL_ROUTER_NAME || hostName(),
      stop: stop.signal
    },
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }
  );
}
var settled = false;
process.once("beforeExit", () => {
  if (settled) return;
  process.stdout.write(
    "ise-to-mail: ERROR internal error: the run stopped before it finished (a network call never completed); run again with --verbose and report it\n"
  );
  process.exitCode = 1;
});
main(process.argv.slice(2)).then(
  (code3) => {
    settled = true;
    process.exit(code3);
  },
  (err) => {
    settled = true;
    const what = err instanceof Error ? err.message : String(err);
    process.stdout.write(`ise-to-mail: ERROR internal error: ${what}; run again with --verbose and report it
`);
    process.exit(1);
  }
);
