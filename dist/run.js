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
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
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
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
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
      hideHelp(hide = true) {
        this.hidden = !!hide;
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
    function editDistance(a, b) {
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
        const distance = editDistance(word, candidate);
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
          outputError: (str2, write2) => write2(str2),
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
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
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
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
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
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
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
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
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
      _dispatchSubcommand(commandName, operands, unknown) {
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
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
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
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
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
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent && this.parent.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
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
        const unknown = [];
        let dest = operands;
        const args = argv.slice();
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        let activeVariadicOption = null;
        while (args.length) {
          const arg = args.shift();
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
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
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              if (args.length > 0) unknown.push(...args);
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg);
              if (args.length > 0) operands.push(...args);
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg);
              if (args.length > 0) unknown.push(...args);
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
        return { operands, unknown };
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
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
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
        const text2 = helper.formatHelp(this, helper);
        if (context.hasColors) return text2;
        return this._outputConfiguration.stripColor(text2);
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
        const write2 = (str2) => {
          if (!hasColors) str2 = this._outputConfiguration.stripColor(str2);
          return baseWrite(str2);
        };
        return { error, write: write2, hasColors, helpWidth };
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
      addHelpText(position, text2) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text2 === "function") {
            helpStr = text2({ error: context.error, command: context.command });
          } else {
            helpStr = text2;
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

// src/core/errors.ts
function describe(err) {
  if (err instanceof Error) {
    const code = err.code;
    return typeof code === "string" && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
var Exit, AppError, usageError, iseError, mailError;
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
    AppError = class extends Error {
      constructor(exitCode, message, options) {
        super(message, options);
        this.exitCode = exitCode;
        this.name = "AppError";
      }
      exitCode;
    };
    usageError = (msg) => new AppError(Exit.usage, msg);
    iseError = (msg, cause) => new AppError(Exit.ise, msg, { cause });
    mailError = (msg, cause) => new AppError(Exit.mail, msg, { cause });
  }
});

// src/config/envfile.ts
function parseEnvFile(text2, fileName) {
  const entries = [];
  const lines = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const m = LINE.exec(raw);
    if (!m)
      throw new Error(
        `${fileName} line ${i + 1}: expected KEY=VALUE, e.g. SMTP_SERVER=smtp.example.net (# starts a comment)`
      );
    entries.push({ key: m[1], value: unquote(m[2], fileName, i + 1), line: i + 1 });
  });
  return entries;
}
function closingQuote(value, q) {
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === "\\") i++;
    else if (value[i] === q) return i;
  }
  return -1;
}
function unquote(value, fileName, line) {
  const q = value[0];
  if (q === '"' || q === "'") {
    const end = closingQuote(value, q);
    if (end < 0) throw new Error(`${fileName} line ${line}: missing closing ${q}`);
    const rest = value.slice(end + 1).trim();
    if (rest !== "" && !rest.startsWith("#")) {
      throw new Error(`${fileName} line ${line}: unexpected text after the quoted value`);
    }
    const inner = value.slice(1, end);
    return q === '"' ? inner.replace(/\\(["\\$`])/g, "$1") : inner;
  }
  const hash2 = value.search(/\s#/);
  return (hash2 >= 0 ? value.slice(0, hash2) : value).trim();
}
var LINE;
var init_envfile = __esm({
  "src/config/envfile.ts"() {
    "use strict";
    LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;
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
var KEYS, BY_NAME;
var init_keys = __esm({
  "src/config/keys.ts"() {
    "use strict";
    KEYS = {
      ISE_HOST: { alias: "ISE_IP", help: "pxGrid controller host name(s), comma-separated, host:port allowed" },
      PXGRID_PORT: { help: "pxGrid port when a host has none (8910)" },
      PXGRID_USER: { help: "pxGrid client nodeName (ise_to_mail)" },
      PXGRID_CERT: { help: "client certificate (PEM) for certificate-based pxGrid auth" },
      PXGRID_KEY: { help: "client private key (PEM)" },
      PXGRID_KEY_PASSPHRASE: { secret: true, help: "passphrase of PXGRID_KEY" },
      ISE_CA: { help: "PEM bundle that verifies ISE pxGrid certificate" },
      ISE_INSECURE: { help: "1 disables TLS verification toward ISE (loud warning)" },
      SMTP_SERVER: { help: "SMTP host" },
      SMTP_PORT: { alias: "MAIL_PORT", help: "SMTP port (465 tls, 587 starttls, 25 none)" },
      SMTP_SECURITY: { help: "tls | starttls | none" },
      SMTP_CA: { help: "extra PEM bundle for the SMTP server" },
      MAIL_USER: { help: "SMTP AUTH user" },
      MAIL_PASS: { secret: true, help: "SMTP AUTH password" },
      MAIL_FROM: { help: "From address (MAIL_USER)" },
      MAIL_DEST: { help: "recipients, comma-separated" },
      MAIL_MAX_BYTES: { help: "cap on each message as sent (10000000)" },
      MAIL_FROM_NAME: { help: "From display name (ISE RADIUS alerts)" },
      MAIL_SUBJECT_PREFIX: { help: "subject prefix ([ISE])" },
      MAIL_MAX_ROWS: { help: "detail rows in the mail body; the rest go to the attachment (50)" },
      MAIL_TIMEZONE: { help: "IANA time zone for times in the mail, offset shown (UTC)" },
      MAIL_ATTACH: { help: "attachment with every record: csv | json | none (csv)" },
      EXCLUDE_REASONS: { help: "failure reason codes not to mail, comma-separated (e.g. 5440)" },
      INCLUDE_REASONS: { help: "mail only these failure reason codes, comma-separated" },
      EXCLUDE_USERS: { help: "user names not to mail, comma-separated globs (e.g. host/*)" },
      EXCLUDE_NAS: { help: "NAS names or IPs not to mail, comma-separated" },
      STORM_THRESHOLD: { help: "above this many failures in one poll the mail leads with grouped counts (5000)" },
      STATE_DIR: { help: "cursor, lock and pxGrid credentials (data next to run.js)" },
      CURSOR_OVERLAP: { help: "how far back each poll re-reads for late records (10m)" },
      RUN_DEADLINE: { help: "the whole run must end within this (150s)" },
      HEALTH_ALERT_AFTER: { help: "mail the team when runs have failed this long (30m)" },
      HEALTH_REPEAT: { help: "repeat that problem mail at most this often while it lasts (24h)" },
      HEARTBEAT: { help: 'daily | weekly | off: an "all quiet" mail when nothing was mailed that long (off)' },
      ISE_TO_MAIL_CONFIG: { help: "config file (ise-to-mail.env next to run.js)" }
    };
    BY_NAME = /* @__PURE__ */ new Map();
    for (const [key, info] of Object.entries(KEYS)) {
      BY_NAME.set(key, key);
      if (info.alias) BY_NAME.set(info.alias, key);
    }
  }
});

// src/config/values.ts
function parseDuration(text2) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text2);
  if (!m) return void 0;
  return Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? "s").toLowerCase()]);
}
function parseInstant(text2) {
  const t = text2.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return void 0;
  const hasTime = /[T ]\d{2}:/.test(t);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(t) && hasTime;
  const ms = Date.parse(hasZone ? t : `${hasTime ? t.replace(" ", "T") : `${t}T00:00`}Z`);
  return Number.isFinite(ms) ? ms : void 0;
}
function parseSince(text2, now) {
  const d = parseDuration(text2);
  if (d !== void 0 && /[a-z]$/i.test(text2.trim())) return now - d;
  return parseInstant(text2);
}
function splitList(text2) {
  return text2.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
function parseBool(text2) {
  const t = text2.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off", ""].includes(t)) return false;
  return void 0;
}
function isTimeZone(zone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
var UNIT_MS;
var init_values = __esm({
  "src/config/values.ts"() {
    "use strict";
    UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
  }
});

// src/config/schema.ts
function parseRaw(raw) {
  const data = {};
  for (const [key, spec] of Object.entries(FIELDS)) {
    const value = raw[key];
    if (value === void 0) {
      if (spec.length > 1) data[key] = Array.isArray(spec[1]) ? [...spec[1]] : spec[1];
      continue;
    }
    try {
      data[key] = spec[0](value);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return { success: false, key, message: err.message };
    }
  }
  return { success: true, data };
}
var Invalid, fail, text, whole, port, duration, bool, EMAIL, isEmail, emails, codes, list, oneOf, headerText, check, FIELDS;
var init_schema = __esm({
  "src/config/schema.ts"() {
    "use strict";
    init_values();
    Invalid = class {
      constructor(message) {
        this.message = message;
      }
      message;
    };
    fail = (message) => {
      throw new Invalid(message);
    };
    text = (v) => v.trim();
    whole = (name, what, ok, range) => {
      return (v) => {
        const t = v.trim();
        if (!/^\d+$/.test(t)) fail(`${name} must be ${what}`);
        const n = Number(t);
        return ok(n) ? n : fail(range);
      };
    };
    port = (name) => whole(name, "a port number", (n) => n > 0 && n < 65536, `${name} must be between 1 and 65535`);
    duration = (name, min) => (v) => {
      const ms = parseDuration(v.trim());
      if (ms === void 0) fail(`${name} must be a duration such as 150s, 10m or 2h (got "${v.trim()}")`);
      return min && ms < min[0] ? fail(min[1]) : ms;
    };
    bool = (name) => (v) => parseBool(v.trim()) ?? fail(`${name} must be 1 or 0 (got "${v.trim()}")`);
    EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
    isEmail = (text2) => EMAIL.test(text2);
    emails = (name) => (v) => {
      const list2 = splitList(v.trim());
      if (list2.length === 0) fail(`${name} is empty: give at least one address`);
      const bad = list2.find((a) => !isEmail(a));
      return bad === void 0 ? list2 : fail(`${name} has an invalid address: ${bad}`);
    };
    codes = (name) => (v) => {
      const list2 = splitList(v.trim());
      const bad = list2.find((c) => !/^\d{3,6}$/.test(c));
      return bad === void 0 ? list2 : fail(`${name} takes failure reason codes such as 22040,5440 (got "${bad}")`);
    };
    list = (v) => splitList(v.trim());
    oneOf = (values, message, fold = (v) => v) => (v) => values.includes(fold(v)) ? fold(v) : fail(message);
    headerText = (name, max) => {
      const ok = new RegExp(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`);
      return (v) => ok.test(v.trim()) ? v.trim() : fail(`${name} must be one line of at most ${max} characters`);
    };
    check = (field, ok, message) => (v) => {
      const value = field(v);
      return ok(value) ? value : fail(message);
    };
    FIELDS = {
      ISE_HOST: [text],
      PXGRID_PORT: [port("PXGRID_PORT"), 8910],
      PXGRID_USER: [
        check(text, (v) => /^[A-Za-z0-9._-]{1,100}$/.test(v), "PXGRID_USER may hold letters, digits, - _ . (at most 100)"),
        "ise_to_mail"
      ],
      PXGRID_CERT: [text],
      PXGRID_KEY: [text],
      PXGRID_KEY_PASSPHRASE: [(v) => v],
      ISE_CA: [text],
      ISE_INSECURE: [bool("ISE_INSECURE"), false],
      SMTP_SERVER: [text],
      SMTP_PORT: [port("SMTP_PORT")],
      SMTP_SECURITY: [oneOf(["tls", "starttls", "none"], "SMTP_SECURITY must be tls, starttls or none")],
      SMTP_CA: [text],
      MAIL_USER: [text],
      MAIL_PASS: [(v) => v],
      MAIL_FROM: [text],
      MAIL_DEST: [emails("MAIL_DEST")],
      MAIL_MAX_BYTES: [
        whole(
          "MAIL_MAX_BYTES",
          "a number of bytes",
          (n) => n >= 2e5,
          "MAIL_MAX_BYTES must be at least 200000: the summary and detail parts alone can take ~150 KB"
        ),
        1e7
      ],
      MAIL_FROM_NAME: [headerText("MAIL_FROM_NAME", 64), "ISE RADIUS alerts"],
      MAIL_SUBJECT_PREFIX: [headerText("MAIL_SUBJECT_PREFIX", 40), "[ISE]"],
      MAIL_MAX_ROWS: [
        whole("MAIL_MAX_ROWS", "a number of rows", (n) => n >= 1 && n <= 1e3, "MAIL_MAX_ROWS must be between 1 and 1000"),
        50
      ],
      MAIL_TIMEZONE: [
        check(text, isTimeZone, "MAIL_TIMEZONE must be an IANA time zone such as UTC, Europe/Zurich or America/New_York"),
        "UTC"
      ],
      MAIL_ATTACH: [oneOf(["csv", "json", "none"], "MAIL_ATTACH must be csv, json or none"), "csv"],
      EXCLUDE_REASONS: [codes("EXCLUDE_REASONS"), []],
      INCLUDE_REASONS: [codes("INCLUDE_REASONS"), []],
      EXCLUDE_USERS: [list, []],
      EXCLUDE_NAS: [list, []],
      STORM_THRESHOLD: [
        whole("STORM_THRESHOLD", "a whole number of failures", (n) => n >= 1, "STORM_THRESHOLD must be at least 1"),
        5e3
      ],
      STATE_DIR: [text, "data"],
      CURSOR_OVERLAP: [duration("CURSOR_OVERLAP"), 10 * 6e4],
      RUN_DEADLINE: [duration("RUN_DEADLINE", [5e3, "RUN_DEADLINE must be at least 5s"]), 15e4],
      HEALTH_ALERT_AFTER: [duration("HEALTH_ALERT_AFTER"), 30 * 6e4],
      HEALTH_REPEAT: [duration("HEALTH_REPEAT", [6e4, "HEALTH_REPEAT must be at least 1m"]), 24 * 36e5],
      HEARTBEAT: [
        oneOf(["daily", "weekly", "off"], "HEARTBEAT must be daily, weekly or off", (v) => v.trim().toLowerCase()),
        "off"
      ],
      ISE_TO_MAIL_CONFIG: [text]
    };
  }
});

// src/config/config.ts
function loadConfig(input) {
  const fromEnv = pickKnown(input.env);
  const flags = input.flags ?? {};
  const named = flags.ISE_TO_MAIL_CONFIG ?? fromEnv.ISE_TO_MAIL_CONFIG;
  const file = named ? resolvePath(input.baseDir, named) : (0, import_node_path.resolve)(input.baseDir, "ise-to-mail.env");
  const fromFile = named || (0, import_node_fs.existsSync)(file) ? readConfigFile(file) : {};
  const raw = dropEmpty({ ...fromFile, ...fromEnv, ...flags });
  const result = parseRaw(raw);
  if (!result.success) {
    const { key, message } = result;
    const msg = message.includes(key) ? message : `${key}: ${message}`;
    throw usageError(`${msg} (${where(key, flags, fromEnv, file)})`);
  }
  return build(result.data, raw, input.baseDir, named || (0, import_node_fs.existsSync)(file) ? file : void 0);
}
function build(p, raw, baseDir, configFile) {
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
      attach: p.MAIL_ATTACH
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
    raw
  };
}
function parseHosts(value, defaultPort) {
  return splitList(value).map((entry) => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry);
    const host = m?.[1] ?? entry;
    const port2 = m?.[2] ? Number(m[2]) : defaultPort;
    if (!/^[A-Za-z0-9.:_-]+$/.test(host) || !(port2 > 0 && port2 < 65536)) {
      throw usageError(`ISE_HOST has an invalid entry "${entry}": use host or host:port, comma-separated`);
    }
    return { host, port: port2 };
  });
}
function readConfigFile(file) {
  let text2;
  try {
    text2 = (0, import_node_fs.readFileSync)(file, "utf8");
  } catch (err) {
    throw usageError(
      `cannot read config file ${file} (${err.code ?? "error"}): check the path given with --config or ISE_TO_MAIL_CONFIG`
    );
  }
  const out = {};
  let entries;
  try {
    entries = parseEnvFile(text2, file);
  } catch (err) {
    throw usageError(`${err.message}`);
  }
  for (const { key: name, value, line } of entries) {
    const key = canonicalKey(name);
    if (!key || key === "ISE_TO_MAIL_CONFIG") {
      throw usageError(`${file} line ${line}: unknown key ${name}; see 'run.js --help' for the list of variables`);
    }
    if (name === key || out[key] === void 0) out[key] = value;
  }
  return out;
}
function resolvePath(baseDir, p) {
  return (0, import_node_path.isAbsolute)(p) ? p : (0, import_node_path.resolve)(baseDir, p);
}
function dropEmpty(raw) {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== void 0 && v.trim() !== ""));
}
function where(key, flags, env, file) {
  if (flags[key] !== void 0) return "from the command line";
  if (env[key] !== void 0) return "from the environment";
  return `from ${file}`;
}
function requireSettings(cfg, parts2) {
  const missing = (key, why) => usageError(`${key} is not set: ${why} (environment or ${cfg.configFile ?? "ise-to-mail.env next to run.js"})`);
  if (parts2.includes("ise")) {
    if (cfg.ise.hosts.length === 0) throw missing("ISE_HOST", "give the pxGrid node FQDN(s) of your ISE deployment");
    if (!cfg.ise.ca && !cfg.ise.insecure)
      throw missing("ISE_CA", "give the PEM file of ISE's pxGrid root CA chain, or ISE_INSECURE=1 for a lab");
    if (Boolean(cfg.ise.cert) !== Boolean(cfg.ise.key)) {
      throw usageError(
        "PXGRID_CERT and PXGRID_KEY go together: set both for certificate auth, or neither for the password flow"
      );
    }
  }
  if (parts2.includes("mail")) {
    if (!cfg.smtp.host) throw missing("SMTP_SERVER", "give the SMTP host that relays the alert mail");
    if (cfg.mail.dest.length === 0) throw missing("MAIL_DEST", "give the recipients, comma-separated");
    if (!cfg.mail.from)
      throw missing("MAIL_FROM", "give the From address (it defaults to MAIL_USER, which is not set either)");
    if (!isEmail(cfg.mail.from)) {
      const from = cfg.raw.MAIL_FROM ? "MAIL_FROM" : "MAIL_FROM (taken from MAIL_USER)";
      throw usageError(
        `${from} is not a mail address: "${cfg.mail.from.slice(0, 80)}"; set MAIL_FROM to the sender address, e.g. ise-alerts@example.net`
      );
    }
  }
}
var import_node_fs, import_node_path, HEARTBEAT_MS, DEFAULT_SMTP_PORT;
var init_config = __esm({
  "src/config/config.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    import_node_path = require("node:path");
    init_errors();
    init_envfile();
    init_keys();
    init_schema();
    init_values();
    HEARTBEAT_MS = { daily: 864e5, weekly: 7 * 864e5, off: 0 };
    DEFAULT_SMTP_PORT = { tls: 465, starttls: 587, none: 25 };
  }
});

// src/core/outcome.ts
function formatSummary(o, json) {
  if (json) return JSON.stringify({ status: o.status, exitCode: o.exitCode, message: o.message, ...o.data });
  return `ise-to-mail: ${o.status} ${o.message}`.replace(/[\r\n]+/g, " ");
}
var init_outcome = __esm({
  "src/core/outcome.ts"() {
    "use strict";
  }
});

// src/core/redact.ts
function redact(text2, secrets) {
  return secrets.reduce((acc, s) => acc.split(s).join("***"), text2);
}
var init_redact = __esm({
  "src/core/redact.ts"() {
    "use strict";
  }
});

// src/core/json.ts
var isObject;
var init_json = __esm({
  "src/core/json.ts"() {
    "use strict";
    isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  }
});

// src/state/atomic.ts
function writeFileAtomic(file, data, mode = 384) {
  try {
    write(file, data, mode);
  } catch (err) {
    const code = err.code ?? "error";
    throw usageError(
      `cannot write ${file} (${code}): check that STATE_DIR is a writable directory and that the flash has free space (IOS: dir bootflash:)`
    );
  }
}
function write(file, data, mode) {
  const suffix = Math.floor(Math.random() * 1e9);
  const dir = (0, import_node_path2.dirname)(file);
  (0, import_node_fs2.mkdirSync)(dir, { recursive: true });
  const tmp = (0, import_node_path2.join)(dir, `.${(0, import_node_path2.basename)(file)}.${suffix}.tmp`);
  const fd = (0, import_node_fs2.openSync)(tmp, "w", mode);
  try {
    if (typeof data === "string") (0, import_node_fs2.writeSync)(fd, data);
    else for (const piece of data) (0, import_node_fs2.writeSync)(fd, piece);
    (0, import_node_fs2.fsyncSync)(fd);
  } catch (err) {
    (0, import_node_fs2.closeSync)(fd);
    (0, import_node_fs2.rmSync)(tmp, { force: true });
    throw err;
  }
  (0, import_node_fs2.closeSync)(fd);
  (0, import_node_fs2.renameSync)(tmp, file);
  syncDir(dir);
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
var import_node_fs2, import_node_path2;
var init_atomic = __esm({
  "src/state/atomic.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs");
    import_node_path2 = require("node:path");
    init_errors();
  }
});

// src/state/files.ts
function readStateJson(file, check2, reset, extract) {
  let text2;
  try {
    text2 = (0, import_node_fs3.readFileSync)(file, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return void 0;
    throw usageError(`cannot read state file ${file} (${code ?? "error"}): check STATE_DIR permissions`);
  }
  let value;
  try {
    value = JSON.parse(extract ? extract(text2) : text2);
  } catch {
    throw usageError(`state file ${file} is corrupt (not JSON); ${reset}`);
  }
  const parsed = check2(value);
  if (parsed === void 0) throw usageError(`state file ${file} is corrupt or from a newer release; ${reset}`);
  return parsed;
}
function checkWritable(dir) {
  try {
    (0, import_node_fs3.mkdirSync)(dir, { recursive: true });
    const probe = (0, import_node_path3.join)(dir, `.write-probe-${Math.floor(Math.random() * 1e9)}`);
    (0, import_node_fs3.writeFileSync)(probe, "");
    (0, import_node_fs3.rmSync)(probe, { force: true });
  } catch (err) {
    const code = err.code ?? "error";
    throw usageError(
      `STATE_DIR ${dir} is not writable (${code}): point STATE_DIR at a directory created from inside Guestshell, e.g. under /bootflash/guest-share`
    );
  }
}
var import_node_fs3, import_node_path3, stateFile;
var init_files = __esm({
  "src/state/files.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_node_path3 = require("node:path");
    init_errors();
    stateFile = {
      cursor: (dir) => (0, import_node_path3.join)(dir, "cursor.json"),
      credentials: (dir) => (0, import_node_path3.join)(dir, "pxgrid-account.json"),
      lock: (dir) => (0, import_node_path3.join)(dir, "run.lock"),
      health: (dir) => (0, import_node_path3.join)(dir, "health.json")
    };
  }
});

// src/state/credentials.ts
function loadAccount(stateDir, nodeName) {
  const stored = readStateJson(stateFile.credentials(stateDir), accountFile, RESET);
  if (!stored || stored.nodeName.toLowerCase() !== nodeName.toLowerCase()) return void 0;
  return { nodeName: stored.nodeName, password: stored.password };
}
function saveAccount(stateDir, account) {
  writeFileAtomic(stateFile.credentials(stateDir), `${JSON.stringify({ version: 1, ...account })}
`, 384);
}
var accountFile, RESET;
var init_credentials = __esm({
  "src/state/credentials.ts"() {
    "use strict";
    init_json();
    init_atomic();
    init_files();
    accountFile = (v) => isObject(v) && v.version === 1 && typeof v.nodeName === "string" && typeof v.password === "string" && v.password ? v : void 0;
    RESET = "delete it, then have the ISE admin delete the pxGrid client (Administration > pxGrid Services) and run setup again";
  }
});

// src/state/secrets.ts
function secretsOf(cfg) {
  let stored;
  try {
    stored = loadAccount(cfg.stateDir, cfg.ise.nodeName)?.password;
  } catch {
  }
  return [...secretValues(cfg.raw), stored].filter((s) => typeof s === "string" && s.length >= 4);
}
var init_secrets = __esm({
  "src/state/secrets.ts"() {
    "use strict";
    init_keys();
    init_credentials();
  }
});

// src/cli/help.ts
function wrap(first, text2) {
  const lines = [];
  let line = first.padEnd(INDENT);
  for (const word of text2.split(" ")) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = " ".repeat(INDENT);
    }
    line += `${line.endsWith(" ") ? "" : " "}${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}
function helpEpilog() {
  const vars = Object.entries(KEYS).flatMap(
    ([k, info]) => wrap(`  ${info.alias ? `${k} (${info.alias})` : k}`, info.help)
  );
  return [
    "",
    "Configuration (flags > environment > config file > defaults):",
    ...vars,
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
    init_keys();
    WIDTH = 79;
    INDENT = 27;
  }
});

// src/core/deadline.ts
var Deadline;
var init_deadline = __esm({
  "src/core/deadline.ts"() {
    "use strict";
    Deadline = class {
      constructor(budgetMs, clock2 = Date.now) {
        this.clock = clock2;
        this.#end = clock2() + budgetMs;
      }
      clock;
      #end;
      /** The run's clock (injected: tests move it). */
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

// src/core/retry.ts
async function withRetry(fn, deadline, policy) {
  for (let attempt = 1; ; attempt++) {
    const wait = policy.baseDelayMs * 2 ** (attempt - 1);
    const more = attempt < policy.attempts && deadline.remaining() > 2 * wait + 1e3;
    let value;
    try {
      value = await fn();
    } catch (err) {
      if (!more || !policy.transient(err)) throw err;
      await sleep(wait);
      continue;
    }
    if (!more || !policy.again?.(value)) return value;
    await policy.discard?.(value);
    await sleep(wait);
  }
}
var sleep;
var init_retry = __esm({
  "src/core/retry.ts"() {
    "use strict";
    sleep = (ms) => new Promise((r) => setTimeout(r, ms));
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

// src/format/hints.ts
function reasonCode(reason) {
  return /^\s*(\d{3,6})\b/.exec(reason)?.[1];
}
function hintFor(reason) {
  const code = reasonCode(reason);
  return code === void 0 ? void 0 : CATALOG[code];
}
var CATALOG, HINT_CODES;
var init_hints = __esm({
  "src/format/hints.ts"() {
    "use strict";
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
        hint: "ISE does not know the NAS that sent the request: add it under Network Devices with the IP the RADIUS packets come from (check the source interface on the switch)."
      },
      "11036": {
        short: "Bad Message-Authenticator",
        hint: "The RADIUS shared secret on the NAS does not match the one ISE has for it: set the same key on both sides."
      },
      "11514": {
        short: "Client rejected TLS",
        hint: "The supplicant ended the TLS tunnel without a word: usually it does not trust the ISE EAP certificate. Deploy the issuing CA to clients or fix their server-validation settings."
      },
      "12308": {
        short: "Client reported failure",
        hint: "The supplicant itself signalled failure inside the tunnel: check the client event log for the reason (often certificate trust or a credential prompt it could not answer)."
      },
      "12321": {
        short: "Client rejected ISE certificate",
        hint: "PEAP clients refuse the ISE EAP certificate: renewed or replaced certificate, or its CA missing on clients. Deploy the CA (e.g. by GPO/MDM) and check the server name the profile expects."
      },
      "12514": {
        short: "Unknown CA in client cert",
        hint: 'The client certificate chains to a CA ISE does not trust for client auth: import the root/issuing CA into Trusted Certificates with "Trust for client authentication".'
      },
      "12520": {
        short: "Client rejected ISE certificate",
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
        hint: "The Allowed Protocols of the matching policy set do not permit PAP (MAB uses it for Process Host Lookup): enable it there or fix the policy-set condition."
      },
      "15039": {
        short: "Rejected per authorization",
        hint: "Authentication worked but the authorization rule that matched returns DenyAccess (often the default rule): check rule order and conditions for this user or device."
      },
      "22040": {
        short: "Wrong password",
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
        hint: "The user or MAC is in none of the identity stores tried: check the username format (domain prefix or suffix), the identity source sequence, and for MAB whether the endpoint is registered."
      },
      "24206": {
        short: "User disabled",
        hint: "The internal user account is disabled in ISE: re-enable it, or remove the device that keeps trying it."
      },
      "24408": {
        short: "Wrong AD password",
        hint: "Active Directory rejected the password: often an old password saved on a phone or laptop after a change, which can also lock the account. Have the user update the saved credential."
      },
      "24423": {
        short: "No machine auth seen",
        hint: "Machine Access Restriction: ISE has no record of a recent successful machine authentication for this computer. Check the computer authenticates first (machine credentials in the supplicant)."
      }
    };
    HINT_CODES = Object.keys(CATALOG);
  }
});

// src/format/filters.ts
function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "is");
}
function compileFilters(f) {
  const excludeReasons = new Set(f.excludeReasons);
  const includeReasons = new Set(f.includeReasons);
  const users = f.excludeUsers.map(globToRegExp);
  const nas = new Set(f.excludeNas.map((n) => n.toLowerCase()));
  if (excludeReasons.size + includeReasons.size + users.length + nas.size === 0) return () => void 0;
  return (r) => {
    const code = reasonCode(typeof r.failureReason === "string" ? r.failureReason : "");
    if (code !== void 0 && excludeReasons.has(code)) return "EXCLUDE_REASONS";
    if (includeReasons.size > 0 && (code === void 0 || !includeReasons.has(code))) return "INCLUDE_REASONS";
    if (users.length > 0) {
      const user = typeof r.userName === "string" ? r.userName : "";
      if (users.some((re) => re.test(user))) return "EXCLUDE_USERS";
    }
    if (nas.size > 0 && [r.nasName, r.networkDeviceName, r.nasIpAddress].some((v) => nas.has(str(v))))
      return "EXCLUDE_NAS";
    return void 0;
  };
}
function filterNotes(counts) {
  const order = ["EXCLUDE_REASONS", "INCLUDE_REASONS", "EXCLUDE_USERS", "EXCLUDE_NAS"];
  return order.flatMap((name) => {
    const n = counts.get(name) ?? 0;
    if (n === 0) return [];
    return [name === "INCLUDE_REASONS" ? `${n} more did not match INCLUDE_REASONS` : `${n} more matched ${name}`];
  });
}
var str;
var init_filters = __esm({
  "src/format/filters.ts"() {
    "use strict";
    init_hints();
    str = (v) => typeof v === "string" || typeof v === "number" ? String(v).trim().toLowerCase() : "";
  }
});

// src/format/sanitize.ts
function textOf(value) {
  if (typeof value === "string") return value;
  if (value === void 0 || value === null) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
function trimPlain(text2) {
  let a = 0;
  let b = text2.length;
  while (a < b && text2.charCodeAt(a) === 32) a++;
  while (b > a && text2.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === text2.length ? text2 : text2.slice(a, b);
}
function clean(value, max = MAX_VALUE_CHARS) {
  const text2 = textOf(value);
  if (text2.length <= max && !NOT_CLEAN.test(text2)) return text2;
  if (text2.length <= max && isPlain(text2)) return trimPlain(text2);
  const safe = text2.replace(UNSAFE, "?").trim();
  if (safe.length <= max) return safe;
  return `${Array.from(safe.slice(0, max + 1)).slice(0, max - 1).join("")}\u2026`;
}
function escapeHtml(text2) {
  return HTML_SPECIAL.test(text2) ? text2.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : text2;
}
var UNSAFE, SUSPECT_CLASS, SUSPECT, NOT_CLEAN, MAX_VALUE_CHARS, isPlain, HTML_ESCAPES, HTML_SPECIAL;
var init_sanitize = __esm({
  "src/format/sanitize.ts"() {
    "use strict";
    UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;
    SUSPECT_CLASS = "[\\u0000-\\u001f\\u007f-\\u00a0\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff\\ud800-\\udfff]";
    SUSPECT = new RegExp(SUSPECT_CLASS);
    NOT_CLEAN = new RegExp(`${SUSPECT_CLASS}|^ | $`);
    MAX_VALUE_CHARS = 200;
    isPlain = (text2) => !SUSPECT.test(text2);
    HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    HTML_SPECIAL = /[&<>"']/;
  }
});

// src/format/time.ts
function timeFormat(zone) {
  const offsetOf = zoneOffset(zone);
  return (t) => {
    if (t === void 0 || !Number.isFinite(t)) return "?";
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
      for (const part of dtf.formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      offset = Math.round((wall - at) / 6e4);
      known.set(bucket, offset);
    }
    return offset;
  };
}
function offsetText(min) {
  const abs = Math.abs(min);
  return `${min < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
var BUCKET_MS;
var init_time = __esm({
  "src/format/time.ts"() {
    "use strict";
    BUCKET_MS = 15 * 6e4;
  }
});

// src/format/model.ts
function shortLocation(location) {
  const parts2 = location.split("#").filter((p) => p && !/^(All Locations|Location)$/i.test(p));
  return parts2.join(" / ");
}
function buildModel(d, opts) {
  const fmt2 = timeFormat(opts.timeZone);
  const reasons = d.reasons();
  const nas = d.nas();
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, "user");
  return {
    test: opts.test === true,
    headline: `${plural(d.total, "RADIUS authentication failure")}`,
    facts: `${users}, ${plural(d.distinctEndpoints, "endpoint")}, ${plural(nas.length, "NAS", "")}`,
    range: `${fmt2(d.oldest)} .. ${fmt2(d.newest)} (times in ${opts.timeZone})`,
    fmt: fmt2,
    reasons: reasons.slice(0, TOP_REASONS).map((r) => ({ ...r, hint: hintFor(r.reason)?.hint })),
    reasonsMore: Math.max(0, reasons.length - TOP_REASONS),
    nas: nas.slice(0, TOP_NAS),
    nasMore: Math.max(0, nas.length - TOP_NAS),
    users: repeated(d.topUsers(TOP_N)),
    endpoints: repeated(d.topEndpoints(TOP_N)),
    details: d.details(),
    rowsDropped: d.rowsDropped,
    maxRows: opts.maxRows,
    attachmentName: opts.attachmentName,
    attachmentRows: opts.attachmentRows,
    footnotes: filterNotes(d.filtered)
  };
}
function subjectOf(d, opts) {
  const top2 = d.reasons()[0];
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, "user");
  const prefix = opts.test ? `${opts.subjectPrefix} [TEST]` : opts.subjectPrefix;
  let s = `${prefix} ${plural(d.total, "RADIUS failure")}, ${users}`;
  if (top2) {
    const code = reasonCode(top2.reason);
    const known = hintFor(top2.reason);
    s += `, top: ${known && code ? `${code} ${known.short}` : clean(top2.reason, 60)} (${top2.count})`;
  }
  return clean(s, 140);
}
function detailSlice(m, limit = m.maxRows) {
  const shown = m.details.slice(0, Math.min(limit, m.maxRows));
  return { shown, more: m.details.length - shown.length + m.rowsDropped };
}
function moreText(m, more) {
  const rows = plural(more, "more row");
  if (!m.attachmentName) return `... and ${rows} not shown`;
  return m.attachmentRows === void 0 ? `... and ${rows} in the attachment ${m.attachmentName}` : `... and ${rows} not shown (the attachment holds the first ${m.attachmentRows} failures)`;
}
function footerLines(m, total) {
  const lines = [];
  if (m.footnotes.length) lines.push(`Not in this mail: ${m.footnotes.join("; ")}.`);
  if (m.attachmentName && m.attachmentRows !== void 0)
    lines.push(
      `Attached: ${m.attachmentName} with the first ${m.attachmentRows} of ${plural(total, "failure")} of this mail (size cap), one row each.`
    );
  else if (m.attachmentName)
    lines.push(`Attached: ${m.attachmentName} with all ${plural(total, "failure")} of this mail, one row each.`);
  lines.push(
    "Hints are general guidance from Cisco ISE documentation; check Operations > RADIUS > Live Logs for the full steps."
  );
  lines.push("Sent by ise-to-mail from Cisco ISE pxGrid RADIUS failures.");
  return lines;
}
var TOP_REASONS, TOP_NAS, TOP_N, repeated, TEST_BANNER;
var init_model = __esm({
  "src/format/model.ts"() {
    "use strict";
    init_plural();
    init_filters();
    init_hints();
    init_sanitize();
    init_time();
    TOP_REASONS = 15;
    TOP_NAS = 10;
    TOP_N = 10;
    repeated = (rows) => rows.filter((r) => r.count > 1);
    TEST_BANNER = "TEST MAIL from ise-to-mail test-mail: the failures below are samples, not from your ISE. If you can read this, SMTP works.";
  }
});

// src/format/html.ts
function cell(c) {
  const v = typeof c === "string" ? { text: c } : c;
  const style = v.kind === "num" ? TDN : v.kind === "time" ? TDT : v.kind === "nowrap" ? TDW : TD;
  const sub = v.sub ? `<div style="color:#57606a;font-size:12px;margin-top:3px">${esc(v.sub)}</div>` : "";
  return `<td ${style}>${esc(v.text) || "&nbsp;"}${sub}</td>`;
}
function table(head, rows) {
  const th = head.map((h) => `<th ${TH}>${esc(h)}</th>`).join("");
  return `<table role="presentation" ${TABLE}><tr>${th}</tr>
${rows.map(row).join("\n")}</table>`;
}
function summary(m) {
  const { fmt: fmt2 } = m;
  const out = [h2("By reason")];
  out.push(
    table(
      ["Count", "Users", "Reason and likely fix", "First seen", "Last seen"],
      m.reasons.map((r) => [
        { text: String(r.count), kind: "num" },
        String(r.users),
        { text: r.reason, sub: r.hint },
        { text: fmt2(r.first), kind: "time" },
        { text: fmt2(r.last), kind: "time" }
      ])
    )
  );
  if (m.reasonsMore) out.push(note(`... and ${m.reasonsMore} other reason(s)`));
  out.push(h2("By NAS"));
  out.push(
    table(
      ["Count", "NAS", "IP", "Location", "Users", "Last seen"],
      m.nas.map((n) => [
        { text: String(n.count), kind: "num" },
        n.name,
        n.ip,
        shortLocation(n.location),
        String(n.users),
        { text: fmt2(n.last), kind: "time" }
      ])
    )
  );
  if (m.nasMore) out.push(note(`... and ${m.nasMore} other NAS`));
  const users = topTable("User", m.users, "no user failed more than once");
  const eps = topTable("Endpoint", m.endpoints, "no endpoint failed more than once");
  out.push(
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td width="50%" valign="top" style="padding-right:8px">${h2("Top users")}${users}</td><td width="50%" valign="top" style="padding-left:8px">${h2("Top endpoints")}${eps}</td></tr></table>`
  );
  return out;
}
function topTable(title, rows, none) {
  const cells = rows.map((r) => [{ text: String(r.count), kind: "num" }, clean(r.value, 64)]);
  return table(["Count", title], cells.length ? cells : [["", `(${none})`]]);
}
function frame(m, title, body) {
  const banner = m.test ? `<tr><td style="background:#fff3bf;border-bottom:1px solid #e0c200;padding:10px 18px;${FONT};font-size:13px;font-weight:bold;color:#5c4400">${esc(TEST_BANNER)}</td></tr>` : "";
  return [
    "<!DOCTYPE html>",
    `<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7"><tr><td align="center" style="padding:16px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:1000px;background:#ffffff;border:1px solid #d0d7de">',
    `<tr><td bgcolor="#b42318" style="background:#b42318;padding:14px 18px;${FONT};color:#ffffff"><div style="font-size:20px;font-weight:bold">${esc(m.headline)}</div><div style="font-size:13px;margin-top:4px">${esc(m.facts)}<br>${esc(m.range)}</div></td></tr>`,
    banner,
    `<tr><td style="padding:4px 18px 18px">`,
    ...body,
    "</td></tr></table>",
    "</td></tr></table>",
    "</body></html>",
    ""
  ].join("\n");
}
function renderHtml(m, total, title) {
  const { shown } = detailSlice(m);
  const footer = footerLines(m, total).map(note);
  const head = [...summary(m), h2("Details (identical failures collapsed, newest first)")];
  const build2 = (n2) => {
    const { more } = detailSlice(m, n2);
    const details = table(
      ["Last seen", "Count", "User", "Endpoint", "NAS", "NAS IP", "Reason"],
      shown.slice(0, n2).map((r) => detailCells(m, r))
    );
    return frame(m, title, [
      ...head,
      details,
      more > 0 ? note(moreText(m, more)) : "",
      `<div style="border-top:1px solid #d0d7de;margin-top:18px;padding-top:6px">${footer.join("\n")}</div>`
    ]);
  };
  let n = shown.length;
  let html = build2(n);
  while (n > 0 && Buffer.byteLength(html) > HTML_BUDGET) {
    n = Math.max(0, n - Math.max(1, Math.ceil(n / 8)));
    html = build2(n);
  }
  return { html, rowsShown: n };
}
var HTML_BUDGET, FONT, TABLE, TH, TD, TDN, TDW, TDT, esc, row, h2, note, short, detailCells;
var init_html = __esm({
  "src/format/html.ts"() {
    "use strict";
    init_model();
    init_sanitize();
    HTML_BUDGET = 9e4;
    FONT = "font-family:Segoe UI,Helvetica,Arial,sans-serif";
    TABLE = `width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;${FONT};font-size:13px;color:#1f2328"`;
    TH = 'style="background:#eef1f4;border-bottom:2px solid #c9d1d9;padding:6px 8px;text-align:left;font-size:12px;color:#424a53;white-space:nowrap"';
    TD = 'style="border-bottom:1px solid #e3e7eb;padding:6px 8px;text-align:left;vertical-align:top"';
    TDN = 'width="1%" style="border-bottom:1px solid #e3e7eb;padding:6px 8px;text-align:right;vertical-align:top;white-space:nowrap;font-weight:bold"';
    TDW = 'style="border-bottom:1px solid #e3e7eb;padding:6px 8px;text-align:left;vertical-align:top;white-space:nowrap"';
    TDT = 'style="border-bottom:1px solid #e3e7eb;padding:6px 8px;text-align:left;vertical-align:top;white-space:nowrap;color:#57606a"';
    esc = (s) => escapeHtml(s);
    row = (cells) => `<tr>${cells.map(cell).join("")}</tr>`;
    h2 = (title) => `<h2 style="${FONT};font-size:15px;color:#1f2328;margin:22px 0 8px">${esc(title)}</h2>`;
    note = (text2) => `<p style="${FONT};font-size:12px;color:#57606a;margin:6px 0">${esc(text2)}</p>`;
    short = (text2) => text2.length <= 24 ? { text: text2, kind: "nowrap" } : text2;
    detailCells = (m, r) => [
      { text: m.fmt(r.last), kind: "time" },
      { text: String(r.count), kind: "num" },
      short(clean(r.user, 64)),
      { text: clean(r.endpoint, 40), kind: "nowrap" },
      { text: clean(r.nasName, 40), kind: "nowrap" },
      { text: r.nasIp, kind: "nowrap" },
      clean(r.reason, 100)
    ];
  }
});

// src/format/text.ts
function renderText(m, total, rowLimit) {
  const { fmt: fmt2 } = m;
  const out = [];
  if (m.test) out.push(`*** ${TEST_BANNER} ***`, "");
  out.push(`${m.headline}: ${m.facts}`, m.range, "");
  out.push("BY REASON");
  for (const r of m.reasons) {
    out.push(`  ${r.count} x ${r.reason}`);
    out.push(`      ${plural(r.users, "user")}, first ${fmt2(r.first)}, last ${fmt2(r.last)}`);
    if (r.hint) out.push(`      Hint: ${r.hint}`);
  }
  if (m.reasonsMore) out.push(`  ... and ${m.reasonsMore} other reason(s)`);
  out.push("", "BY NAS");
  for (const n of m.nas) {
    const loc = shortLocation(n.location);
    out.push(
      `  ${n.count} x ${n.name || "?"} (${n.ip || "no IP"})${loc ? `, ${loc}` : ""}, ${plural(n.users, "user")}, last ${fmt2(n.last)}`
    );
  }
  if (m.nasMore) out.push(`  ... and ${m.nasMore} other NAS`);
  out.push("", "TOP USERS", ...topLines(m.users, "no user failed more than once"));
  out.push("", "TOP ENDPOINTS", ...topLines(m.endpoints, "no endpoint failed more than once"));
  const { shown, more } = detailSlice(m, rowLimit);
  out.push(
    "",
    "DETAILS (identical failures collapsed, newest first)",
    "  last seen | count | user | endpoint | NAS (IP) | reason"
  );
  out.push(...shown.map((r) => `  ${detailLine(m, r)}`));
  if (more > 0) out.push(`  ${moreText(m, more)}`);
  out.push("", "-- ", ...footerLines(m, total));
  return `${out.join("\n")}
`;
}
function detailLine(m, r) {
  const cells = [
    m.fmt(r.last),
    `${r.count}x`,
    clean(r.user, 64) || "-",
    clean(r.endpoint, 40) || "-",
    `${r.nasName || "?"} (${r.nasIp || "-"})`,
    clean(r.reason, 100) || "-"
  ];
  return cells.join(" | ");
}
function topLines(rows, none) {
  return rows.length ? rows.map((r) => `  ${r.count} x ${clean(r.value, 64) || "(none)"}`) : [`  (${none})`];
}
var init_text = __esm({
  "src/format/text.ts"() {
    "use strict";
    init_plural();
    init_model();
    init_sanitize();
  }
});

// src/format/render.ts
function render(d, opts) {
  const subject = subjectOf(d, opts);
  const model = buildModel(d, opts);
  const { html, rowsShown } = renderHtml(model, d.total, subject);
  return { subject, text: renderText(model, d.total, rowsShown), html };
}
var init_render = __esm({
  "src/format/render.ts"() {
    "use strict";
    init_html();
    init_model();
    init_text();
  }
});

// src/format/storm.ts
function stormSubject(prefix) {
  return `${prefix} STORM:`;
}
function stormLead(groups, total, threshold, fmtTime) {
  const all = groups.list();
  const shown = all.slice(0, SHOWN);
  const hidden = all.slice(SHOWN).reduce((n, g) => n + g.count, 0) + groups.ungrouped;
  const intro = `STORM: ${total} RADIUS failures in one poll (more than ${threshold}). By reason and NAS/location, largest first:`;
  const rows = shown.map((g) => [
    String(g.count),
    g.reason || "-",
    g.nas || "-",
    shortLocation(g.location) || "-",
    `${fmtTime(g.first)} .. ${fmtTime(g.last)}`
  ]);
  const rest = hidden > 0 ? `... and ${hidden} more failure(s) in ${all.length - shown.length} smaller group(s)${groups.ungrouped ? " or ungrouped" : ""}` : "";
  const text2 = [
    intro,
    ...rows.map((r) => `  ${r[0]} x ${r[1]} | NAS ${r[2]} | ${r[3]} | ${r[4]}`),
    ...rest ? [`  ${rest}`] : [],
    ""
  ];
  const cell2 = 'style="border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top"';
  const tr = (cells, tag2 = "td") => `<tr>${cells.map((c) => `<${tag2} ${cell2}>${escapeHtml(c)}</${tag2}>`).join("")}</tr>`;
  const html = [
    `<p style="font-size:15px;color:#b00020"><b>${escapeHtml(intro)}</b></p>`,
    '<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px">',
    tr(["Count", "Reason", "NAS", "Location", "First .. last seen"], "th"),
    ...rows.map((r) => tr(r)),
    "</table>",
    rest ? `<p>${escapeHtml(rest)}</p>` : ""
  ].join("\n");
  return { text: text2, html };
}
function noteLead(note2) {
  return { text: [note2, ""], html: `<p><b>${escapeHtml(note2)}</b></p>` };
}
function leadWith(mail, lead) {
  const html = /<body[^>]*>/i.test(mail.html) ? mail.html.replace(/<body[^>]*>/i, (tag2) => `${tag2}
${lead.html}`) : `${lead.html}
${mail.html}`;
  return { ...mail, text: `${lead.text.join("\n")}
${mail.text}`, html };
}
function child(map, key) {
  let m = map.get(key);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    map.set(key, m);
  }
  return m;
}
var MAX_GROUPS, SHOWN, StormGroups;
var init_storm = __esm({
  "src/format/storm.ts"() {
    "use strict";
    init_model();
    init_sanitize();
    MAX_GROUPS = 2e3;
    SHOWN = 40;
    StormGroups = class {
      /** Groups by reason, then NAS label, then location: lookups on values seen before, no key built per record. */
      #tree = /* @__PURE__ */ new Map();
      #groups = [];
      /** NAS labels by name and IP, made once per NAS. */
      #labels = /* @__PURE__ */ new Map();
      #labelCount = 0;
      /** Records whose group was not kept because of MAX_GROUPS. */
      ungrouped = 0;
      add(v) {
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

// src/mail/message.ts
function messageIdDomain(from) {
  const domain = (from ?? "").split("@").pop() ?? "";
  return /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?$/.test(domain) && domain.includes(".") ? domain.toLowerCase() : "ise-to-mail.invalid";
}
function newMessageId(from, now) {
  return `<ise-to-mail.${now.toString(36)}.${(0, import_node_crypto.randomBytes)(8).toString("hex")}@${messageIdDomain(from)}>`;
}
function composeMail(cfg, digest, opts) {
  const built = digest.attachment();
  const attachment = built && built.rows > 0 ? built : void 0;
  let rendered = render(digest, {
    subjectPrefix: opts.subjectPrefix ?? cfg.mail.subjectPrefix,
    maxRows: cfg.mail.maxRows,
    timeZone: cfg.mail.timezone,
    attachmentName: attachment?.filename,
    attachmentRows: attachment && attachment.omitted > 0 ? attachment.rows : void 0,
    test: opts.test
  });
  for (const lead of opts.leads ?? []) rendered = leadWith(rendered, lead);
  return {
    ...rendered,
    messageId: newMessageId(cfg.mail.from, opts.now),
    headers: { ...MACHINE_HEADERS },
    attachments: attachment ? [
      {
        filename: attachment.filename,
        content: () => attachment.stream(),
        contentType: attachment.contentType,
        size: attachment.bytes
      }
    ] : []
  };
}
var import_node_crypto, MACHINE_HEADERS;
var init_message = __esm({
  "src/mail/message.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    init_render();
    init_storm();
    MACHINE_HEADERS = {
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All"
    };
  }
});

// src/sizecap/budget.ts
function base64WireBytes(raw) {
  const chars = 4 * Math.ceil(raw / 3);
  return chars + 2 * Math.ceil(chars / 76);
}
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
    RAW_PER_LINE = 57;
    WIRE_PER_LINE = 78;
    ATTACHMENT_MIME_OVERHEAD = 400;
  }
});

// src/mail/mime.ts
function buildMime(m) {
  const tag2 = (0, import_node_crypto2.randomBytes)(12).toString("hex");
  const mixed = `----=_ise-to-mail_${tag2}_mixed`;
  const alt = `----=_ise-to-mail_${tag2}_alt`;
  const a = m.attachment;
  const head = [
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    `From: ${phrase(m.from.name)} <${m.from.address}>`,
    `To: ${m.to.join(", ")}`,
    `Subject: ${headerText2(m.subject, "Subject: ".length)}`,
    `Message-ID: ${m.messageId}`,
    `Date: ${new Date(m.date).toUTCString().replace(/GMT$/, "+0000")}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    "",
    `--${mixed}`,
    `Content-Type: multipart/alternative;${CRLF} boundary="${alt}"`,
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
    ...a ? [
      `--${mixed}`,
      `Content-Type: ${a.contentType}; name=${a.filename}`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename=${a.filename}`,
      "",
      ""
    ] : []
  ].join(CRLF);
  const before = Buffer.from(head, "utf8");
  const after = Buffer.from(`--${mixed}--${CRLF}`, "latin1");
  const size = before.length + (a ? base64WireBytes(a.size) : 0) + after.length;
  return {
    size,
    stream: () => import_node_stream.Readable.from(parts(before, a?.stream(), after), { objectMode: false })
  };
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
  const text2 = data.toString("base64", start, end);
  const lines = [];
  for (let i = 0; i < text2.length; i += 76) lines.push(text2.slice(i, i + 76));
  return Buffer.from(`${lines.join(CRLF)}${CRLF}`, "latin1");
}
function quotedPrintable(text2) {
  if (text2 === "") return "";
  const out = [];
  for (const line of text2.replace(/\r?\n$/, "").split(/\r?\n/)) {
    if (line.length <= 76 && QP_PLAIN.test(line)) out.push(line);
    else out.push(...qpLine(line));
  }
  return /\n$/.test(text2) ? `${out.join(CRLF)}${CRLF}` : out.join(CRLF);
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
function phrase(name) {
  if (ATOM_PHRASE.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/[\\"]/g, "\\$&")}"`;
  return encodedWords(name);
}
function headerText2(value, used) {
  if (!/^[\x20-\x7e]*$/.test(value)) return encodedWords(value);
  let line = used;
  return value.split(" ").map((word, i) => {
    if (i === 0) {
      line += word.length;
      return word;
    }
    const fold = line + 1 + word.length > 78 && line > 1;
    line = fold ? 1 + word.length : line + 1 + word.length;
    return fold ? `${CRLF} ${word}` : ` ${word}`;
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
var import_node_crypto2, import_node_stream, CRLF, LINE_BYTES, QP_PLAIN, QP_SPECIAL, ATOM_PHRASE;
var init_mime = __esm({
  "src/mail/mime.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    import_node_stream = require("node:stream");
    init_budget();
    CRLF = "\r\n";
    LINE_BYTES = 57;
    QP_PLAIN = /^(?:[\t\x20-\x3c\x3e-\x7e]*[\x21-\x3c\x3e-\x7e])?$/;
    QP_SPECIAL = /[^\t\x20-\x3c\x3e-\x7e]/gu;
    ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;
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
    function map(array, callback) {
      const result = [];
      let length = array.length;
      while (length--) {
        result[length] = callback(array[length]);
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
    function ucs2decode(string) {
      const output = [];
      let counter = 0;
      const length = string.length;
      while (counter < length) {
        const value = string.charCodeAt(counter++);
        if (value >= 55296 && value <= 56319 && counter < length) {
          const extra = string.charCodeAt(counter++);
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
    var decode = function(input) {
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
    var encode = function(input) {
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
      return mapDomain(input, function(string) {
        return regexPunycode.test(string) ? decode(string.slice(4).toLowerCase()) : string;
      });
    };
    var toASCII = function(input) {
      return mapDomain(input, function(string) {
        return regexNonASCII.test(string) ? "xn--" + encode(string) : string;
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
      decode,
      encode,
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
    function safeDecode(str2) {
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
      return punycode.toASCII(safeDecode(hostname));
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
        auth = safeDecode(u.username) + (u.password ? ":" + safeDecode(u.password) : "");
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
    for (const code of Object.keys(ERROR_CODES)) {
      module2.exports[code] = code;
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
    var resolve4 = (family, hostname, options, callback) => {
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
      let cached;
      if (dnsCache.has(options.host)) {
        cached = dnsCache.get(options.host);
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
        if (!cached.expires || cached.expires >= now) {
          return callback(
            null,
            formatDNSValue(cached.value, {
              cached: true
            })
          );
        }
      }
      let ipv4Addresses = [];
      let ipv6Addresses = [];
      let ipv4Error = null;
      let ipv6Error = null;
      resolve4(4, options.host, options, (err, addresses) => {
        if (err) {
          ipv4Error = err;
        } else {
          ipv4Addresses = addresses || [];
        }
        resolve4(6, options.host, options, (err2, addresses2) => {
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
            if (cached) {
              dnsCache.set(options.host, {
                value: cached.value,
                expires: Date.now() + (options.dnsTtl || DNS_TTL)
              });
              return callback(
                null,
                formatDNSValue(cached.value, {
                  cached: true,
                  error: ipv4Error
                })
              );
            }
          }
          try {
            dns.lookup(options.host, { all: true }, (err3, addresses3) => {
              if (err3) {
                if (cached) {
                  dnsCache.set(options.host, {
                    value: cached.value,
                    expires: Date.now() + (options.dnsTtl || DNS_TTL)
                  });
                  return callback(
                    null,
                    formatDNSValue(cached.value, {
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
              if (!supportedAddresses.length && cached) {
                return callback(
                  null,
                  formatDNSValue(cached.value, {
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
            if (cached) {
              dnsCache.set(options.host, {
                value: cached.value,
                expires: Date.now() + (options.dnsTtl || DNS_TTL)
              });
              return callback(
                null,
                formatDNSValue(cached.value, {
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
    module2.exports._logFunc = (logger, level, defaults, data, message, ...args) => {
      const entry = Object.assign({}, defaults || {}, data || {});
      delete entry.level;
      let logLevel = level;
      if (typeof logger[logLevel] !== "function") {
        logLevel = ["info", "debug", "log", "trace", "warn", "error"].find((name) => typeof logger[name] === "function");
      }
      if (logLevel) {
        logger[logLevel](entry, message, ...args);
      }
    };
    module2.exports.getLogger = (options, defaults) => {
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
          module2.exports._logFunc(logger, level, defaults, data, message, ...args);
        };
      });
      return response;
    };
    module2.exports.callbackPromise = (resolve5, reject) => function() {
      const args = Array.from(arguments);
      const err = args.shift();
      if (err) {
        reject(err);
      } else {
        resolve5(...args);
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
        promise = new Promise((resolve5, reject) => {
          callback = module2.exports.callbackPromise(resolve5, reject);
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
      _onConnectionError(err, code) {
        clearTimeout(this._connectionTimeout);
        const canFallback = this._fallbackAddresses && this._fallbackAddresses.length && this.stage === "init" && !this._destroyed;
        if (!canFallback) {
          this._onError(err, code, false, "CONN");
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
          } catch (_E) {
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
          } catch (_E) {
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
          } catch (_E) {
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
          const resolve4 = () => {
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
                promise = new Promise((resolve5, reject2) => {
                  done = shared.callbackPromise(resolve5, reject2);
                });
              }
              this._responseActions.push((str2) => {
                lastResponse = str2;
                let codes2 = str2.match(/^(\d+)(?:\s(\d+\.\d+\.\d+))?\s/);
                let data = {
                  command: cmd,
                  response: str2
                };
                if (codes2) {
                  data.status = Number(codes2[1]) || 0;
                  if (codes2[2]) {
                    data.code = codes2[2];
                  }
                  data.text = str2.substr(codes2[0].length);
                } else {
                  data.text = str2;
                  data.status = 0;
                }
                done(null, data);
              });
              setImmediate(() => this._sendCommand(cmd));
              return promise;
            },
            resolve: resolve4,
            reject
          });
          if (handlerResponse && typeof handlerResponse.catch === "function") {
            handlerResponse.then(resolve4).catch(reject);
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
  return new Promise((resolve4, reject) => {
    let settled2 = false;
    const done = (err, value) => {
      if (settled2) return;
      settled2 = true;
      connection.close();
      if (err) reject(err);
      else resolve4(value);
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
      if (!login || !connection.allowsAuth) return step(connection, done);
      connection.login(login, (err) => {
        if (err) done(err);
        else step(connection, done);
      });
    });
  });
}
function smtpSend(options, auth, envelope, message) {
  return session(options, auth, (c, done) => c.send(envelope, message, (err, info) => done(err, info)));
}
function smtpVerify(options, auth) {
  return session(options, auth, (c, done) => {
    c.quit();
    done(void 0, true);
  });
}
var init_smtp = __esm({
  "src/mail/smtp.ts"() {
    "use strict";
  }
});

// src/mail/smtp-errors.ts
function smtpError(cfg, err) {
  const e = err;
  const at = `${cfg.smtp.host}:${cfg.smtp.port}`;
  const said = e.response ? `: server said "${oneLine(e.response)}"` : "";
  const hint = smtpHint(e, cfg);
  const code = e.code === "ESOCKET" ? /\bE[A-Z]{4,}\b/.exec(e.message ?? "")?.[0] ?? e.code : e.code;
  return mailError(
    `mail not delivered via ${at} (${code ?? "error"}${e.responseCode ? ` ${e.responseCode}` : ""})${said}; ${hint}. The failures will be sent again on the next run`,
    err
  );
}
function smtpHint(e, cfg) {
  const msg = e.message ?? "";
  if (e.code === "EAUTH" || e.responseCode === 535)
    return "check MAIL_USER and MAIL_PASS (for Amazon SES: SMTP credentials of the right region, not IAM keys)";
  if (/not verified/i.test(`${e.response ?? ""} ${msg}`))
    return "Amazon SES: MAIL_FROM (and, in the SES sandbox, every MAIL_DEST address) must be a verified identity in this region; verify it in the SES console";
  if (e.responseCode === 552) return "the server refused the message as too large: set MAIL_MAX_BYTES below its limit";
  if (e.responseCode === 554 || e.responseCode === 550 || e.responseCode === 553)
    return "the server rejected the sender or a recipient: check MAIL_FROM (a verified identity for SES) and MAIL_DEST";
  if (/wrong version number|ssl3_get_record|packet length too long/i.test(msg)) {
    return cfg.smtp.security === "tls" ? "this port speaks STARTTLS, not implicit TLS: set SMTP_SECURITY=starttls (ports 25/587/2587) or use port 465" : "this port expects implicit TLS: set SMTP_SECURITY=tls (ports 465/2465)";
  }
  if (/STARTTLS/i.test(msg) || e.code === "ETLS")
    return "the server does not offer STARTTLS: use SMTP_SECURITY=tls on port 465, or SMTP_SECURITY=none only on a trusted network";
  if (/certificate|self[- ]signed|unable to verify|altname/i.test(msg))
    return "the SMTP server's certificate is not trusted: set SMTP_CA to its CA (PEM), and use the host name in its certificate";
  if (e.code === "ECONNREFUSED" || /ECONNREFUSED/.test(msg))
    return "connection refused: check SMTP_SERVER and SMTP_PORT";
  if (/greeting/i.test(msg) && cfg.smtp.security !== "tls")
    return "connected, but no SMTP greeting came: this port probably expects implicit TLS (set SMTP_SECURITY=tls, as for ports 465/2465), or the server is stuck";
  if (e.code === "ETIMEDOUT" || e.code === "ECONNECTION" || /timeout/i.test(msg))
    return "no answer in time: check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell";
  if (e.code === "EDNS" || /ENOTFOUND|EAI_AGAIN/.test(msg))
    return "the SMTP host name does not resolve: check SMTP_SERVER and DNS in Guestshell";
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return "a temporary refusal by the server";
  return "check the SMTP settings with the doctor command";
}
var oneLine;
var init_smtp_errors = __esm({
  "src/mail/smtp-errors.ts"() {
    "use strict";
    init_errors();
    oneLine = (s) => s.replace(/\s+/g, " ").trim().slice(0, 200);
  }
});

// src/mail/transport.ts
async function sendMail(cfg, deadline, mail, limit) {
  const now = deadline.now();
  const a = mail.attachments?.[0];
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
    attachment: a && {
      filename: a.filename,
      contentType: a.contentType,
      size: typeof a.content === "function" ? a.size ?? 0 : a.content.length,
      stream: typeof a.content === "function" ? a.content : bufferStream(a.content)
    }
  });
  if (limit !== void 0 && mime.size > limit) throw new MessageTooBig(mime.size, limit, false);
  const envelope = { from: cfg.mail.from ?? "", to: cfg.mail.dest, size: mime.size };
  try {
    const info = await withRetry(
      () => smtpSend(connectionOptions(cfg, deadline), smtpAuth(cfg), envelope, mime.stream()),
      deadline,
      { attempts: 3, baseDelayMs: 2e3, transient: transientSmtp }
    );
    return { messageId, rejected: (info.rejected ?? []).map(String) };
  } catch (err) {
    const server = serverSizeLimit(err);
    if (server !== void 0) throw new MessageTooBig(mime.size, server, true);
    throw smtpError(cfg, err);
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
    tls: smtp.ca ? { ca: readCa(smtp.ca) } : void 0,
    ...timeouts(deadline)
  };
}
function transientSmtp(err) {
  const e = err;
  if (serverSizeLimit(err) !== void 0) return false;
  if (e.responseCode !== void 0) return e.responseCode >= 400 && e.responseCode < 500 && e.code !== "EAUTH";
  return /ECONNRESET|EPIPE|socket hang up/i.test(`${e.code} ${e.message}`);
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
function readCa(file) {
  try {
    return (0, import_node_fs4.readFileSync)(file, "utf8");
  } catch (err) {
    throw usageError(`cannot read SMTP_CA ${file} (${err.code ?? "error"}): check the path`);
  }
}
var import_node_fs4, CONNECT_MS, GREETING_MS, SOCKET_MS, MessageTooBig, bufferStream;
var init_transport = __esm({
  "src/mail/transport.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    init_errors();
    init_retry();
    init_message();
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
    bufferStream = (content) => async function* one() {
      yield content;
    };
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
  for (let attempt = 0; ; attempt++) {
    const mail = compose2(budget, limit);
    try {
      return await sendMail(cfg, deadline, mail, limit);
    } catch (err) {
      if (!(err instanceof MessageTooBig)) throw err;
      byServer ||= err.byServer;
      const attached = mail.attachments?.[0]?.size ?? 0;
      if (attached === 0 || attempt + 1 >= ATTEMPTS) throw tooBig(err, byServer, true);
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
  return mailError(
    `${over}${cut ? " even with the attachment cut down" : ""}; ${fix}. The failures will be sent again on the next run`,
    err
  );
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

// src/health/health-mail.ts
function fmtUtc(t) {
  return t === void 0 ? "never" : `${new Date(t).toISOString().replace("T", " ").replace(/\.\d+Z$/, "")} UTC`;
}
function fmtSpan(ms) {
  const units = [
    [864e5, "d"],
    [36e5, "h"],
    [6e4, "m"]
  ];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return ms >= 36e5 ? `${Math.round(ms / 36e5)}h` : `${Math.round(ms / 6e4)}m`;
}
function headline(exitCode, message) {
  if (exitCode === Exit.account) {
    if (/\bDISABLED\b/.test(message)) return "pxGrid account DISABLED on ISE";
    if (/\bPENDING\b/.test(message)) return "pxGrid account PENDING approval on ISE";
    return "pxGrid account refused by ISE";
  }
  if (exitCode === Exit.ise) {
    if (/\bTLS\b/.test(message)) return "TLS trust to ISE failed";
    if (/RUN_DEADLINE|did not answer in time/.test(message)) return "ISE does not answer in time";
    if (/^cannot talk to pxGrid/.test(message)) return "cannot reach ISE";
    return "ISE pxGrid answers with errors";
  }
  if (exitCode === Exit.mail) return "cannot deliver mail";
  if (exitCode === Exit.usage) return "configuration or state error";
  return "internal error";
}
function compose(subject, paragraphs) {
  const lines = paragraphs.map((p) => clean(p, MAX_LINE));
  const footer = 'Sent by ise-to-mail about its own health (README section "health").';
  return {
    subject: clean(subject, 200),
    text: `${[...lines, "", "-- ", footer].join("\n")}
`,
    html: [
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif">',
      ...lines.map(
        (l, i) => `<p${i === 0 ? ' style="font-size:15px"' : ""}>${i === 0 ? `<b>${escapeHtml(l)}</b>` : escapeHtml(l)}</p>`
      ),
      `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
      "</body></html>"
    ].join("\n")
  };
}
function problemMail(p, prefix) {
  const what = headline(p.exitCode, p.message);
  return compose(`${tag(prefix)} PROBLEM: ${what} since ${fmtUtc(p.since)}`, [
    `ise-to-mail: ${what} since ${fmtUtc(p.since)}.`,
    `Reason and remedy (exit code ${p.exitCode}): ${p.message}`,
    `${plural(p.failedRuns, "run")} failed in a row; last successful poll: ${fmtUtc(p.lastSuccess)}.`,
    "While this lasts, RADIUS failures are NOT mailed. ISE keeps them: the first successful run mails them all (if ISE still holds them).",
    `This reminder repeats every ${fmtSpan(p.repeatMs)} while the problem lasts; a RECOVERED note follows when ise-to-mail works again.`
  ]);
}
function recoveryLines(r, found) {
  const what = r.lastError ? `${headline(r.lastError.exitCode, r.lastError.message)}; last error: ${r.lastError.message}` : "see the earlier PROBLEM mail";
  const runs = r.failedRuns > 0 ? `${plural(r.failedRuns, "failed run")}, ` : "";
  return [
    `ise-to-mail is working again since ${fmtUtc(r.back)}.`,
    `It had failed since ${fmtUtc(r.since)} (${runs}${what}).`,
    found > 0 ? `The ${found} RADIUS failure${found === 1 ? "" : "s"} ISE recorded meanwhile ${found === 1 ? "is" : "are"} in this digest.` : "ISE holds no new RADIUS failures from that time: there is no backlog to mail."
  ];
}
function recoveryMail(r, prefix) {
  return compose(`${tag(prefix)} RECOVERED: working again since ${fmtUtc(r.back)}`, recoveryLines(r, 0));
}
function foldRecovery(mail, r, found, prefix) {
  const lines = recoveryLines(r, found).map((l) => clean(l, MAX_LINE));
  const html = `<p style="color:#060;font-size:15px"><b>${lines.map(escapeHtml).join("<br>")}</b></p>`;
  const body = /<body[^>]*>/i;
  return {
    ...mail,
    // The digest's own prefix is not repeated: it keeps its counts and top reason.
    subject: clean(
      `${tag(prefix)} RECOVERED; ${mail.subject.startsWith(prefix) ? mail.subject.slice(prefix.length).trim() : mail.subject}`,
      200
    ),
    text: `${lines.join("\n")}

${mail.text}`,
    html: body.test(mail.html) ? mail.html.replace(body, (tag2) => `${tag2}
${html}`) : `${html}
${mail.html}`
  };
}
function heartbeatMail(q, prefix) {
  return compose(`${tag(prefix)} all quiet: no RADIUS failures since ${fmtUtc(q.since)}`, [
    `ise-to-mail is working: its poll of ISE at ${fmtUtc(q.now)} succeeded, and no RADIUS failures were mailed since ${fmtUtc(q.since)}.`,
    `This note comes ${q.period === "daily" ? "once a day" : "once a week"} (HEARTBEAT=${q.period}) when nothing else was mailed, so you can tell quiet from dead.`,
    "If it stops arriving, check ise-to-mail on the device (run.js doctor)."
  ]);
}
var tag, MAX_LINE;
var init_health_mail = __esm({
  "src/health/health-mail.ts"() {
    "use strict";
    init_errors();
    init_plural();
    init_sanitize();
    tag = (prefix) => `${prefix} ise-to-mail`;
    MAX_LINE = 600;
  }
});

// src/health/health-record.ts
function healthFile(v) {
  if (!isObject(v) || v.version !== 1 || !TIME_FIELDS.every((k) => iso(v[k]))) return void 0;
  if (!Number.isInteger(v.failedRuns) || v.failedRuns < 0) return void 0;
  const e = v.lastError;
  const errorOk = e === null || isObject(e) && Number.isInteger(e.exitCode) && typeof e.message === "string" && typeof e.at === "string";
  return errorOk ? v : void 0;
}
function newHealth(now) {
  return { failedRuns: 0, quietSince: now };
}
function loadHealth(stateDir) {
  const file = stateFile.health(stateDir);
  const data = readStateJson(file, healthFile, HEALTH_RESET);
  if (!data) return void 0;
  const time = (v) => {
    if (v === null) return void 0;
    const t = Date.parse(v);
    if (!Number.isFinite(t)) throw usageError(`state file ${file} has an invalid time; ${HEALTH_RESET}`);
    return t;
  };
  const h = { failedRuns: data.failedRuns };
  for (const k of TIME_FIELDS) {
    const t = time(data[k]);
    if (t !== void 0) h[k] = t;
  }
  if (data.lastError)
    h.lastError = {
      exitCode: data.lastError.exitCode,
      message: data.lastError.message,
      at: time(data.lastError.at) ?? 0
    };
  return h;
}
function serialize(h) {
  const time = (t) => t === void 0 ? null : new Date(t).toISOString();
  const data = { version: 1 };
  for (const k of TIME_FIELDS) data[k] = time(h[k]);
  data.failedRuns = h.failedRuns;
  data.lastError = h.lastError ? { exitCode: h.lastError.exitCode, message: h.lastError.message, at: time(h.lastError.at) } : null;
  return `${JSON.stringify(data)}
`;
}
function sameHealth(a, b) {
  return b !== void 0 && serialize(a) === serialize(b);
}
function saveHealth(stateDir, next, before) {
  if (sameHealth(next, before)) return false;
  writeFileAtomic(stateFile.health(stateDir), serialize(next), 384);
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
  const when = (t) => t === void 0 ? "never" : `${fmt(t)} (${ago(now - t)})`;
  const lines = [`health: last successful poll ${when(h.lastSuccess)}, ${plural(h.failedRuns, "failed run")} in a row`];
  if (h.failedRuns > 0 && h.firstFailure !== void 0) lines.push(`health: FAILING since ${fmt(h.firstFailure)}`);
  if (h.lastError)
    lines.push(`health: last error ${when(h.lastError.at)} (exit ${h.lastError.exitCode}): ${h.lastError.message}`);
  if (h.problemMailed !== void 0)
    lines.push(`health: problem mail sent ${when(h.problemMailed)}; a recovery note follows the first successful run`);
  lines.push(`health: last mail sent ${when(h.lastMail)}, last heartbeat ${when(h.lastHeartbeat)}`);
  return lines;
}
var HEALTH_RESET, TIME_FIELDS, iso, fmt;
var init_health_record = __esm({
  "src/health/health-record.ts"() {
    "use strict";
    init_errors();
    init_json();
    init_plural();
    init_atomic();
    init_files();
    HEALTH_RESET = "delete it to reset (it only times the health mails; no RADIUS failure is lost)";
    TIME_FIELDS = [
      "lastSuccess",
      "firstFailure",
      "problemMailed",
      "quietSince",
      "lastMail",
      "lastHeartbeat"
    ];
    iso = (v) => v === null || typeof v === "string";
    fmt = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, "Z");
  }
});

// src/health/watch.ts
async function watchedPoll(cfg, sys, deadline, poll2) {
  const run = { cfg, sys, deadline, t: sys.now() };
  let before;
  try {
    before = loadHealth(cfg.stateDir);
  } catch (err) {
    return pollDespite(poll2, err);
  }
  const h = before ?? newHealth(run.t);
  const recovery = recoveryDue(h, cfg, run.t);
  let folded = false;
  const decorate = recovery && ((mail, found) => {
    folded = true;
    return foldRecovery(mail, recovery, found, cfg.mail.subjectPrefix);
  });
  let outcome2;
  try {
    outcome2 = await poll2(decorate);
  } catch (err) {
    const exitCode = err instanceof AppError ? err.exitCode : Exit.internal;
    if (exitCode === Exit.locked) throw err;
    const note2 = await onFailure(run, h, before, exitCode, redact2(cfg, errorLine(err)));
    throw note2 ? rewrap(err, note2) : err;
  }
  const mailed = Number(outcome2.data?.mailed ?? 0) > 0;
  const { notes, warn } = await onSuccess(run, h, before, mailed, recovery, folded && mailed);
  if (notes.length === 0) return outcome2;
  return { ...outcome2, status: warn ? "WARN" : outcome2.status, message: `${outcome2.message}; ${notes.join("; ")}` };
}
async function pollDespite(poll2, err) {
  const why = err instanceof AppError ? err.message : `health record unreadable: ${describe(err)}`;
  let outcome2;
  try {
    outcome2 = await poll2();
  } catch (pollErr) {
    throw rewrap(pollErr, `also: ${why}`);
  }
  return { ...outcome2, exitCode: Exit.usage, status: "ERROR", message: `${outcome2.message}; but ${why}` };
}
function recoveryDue(h, cfg, t) {
  const unmailed = h.failedRuns > 0 && h.firstFailure !== void 0 && h.lastError !== void 0 && elapsed(h.firstFailure, h.lastError.at, cfg.health.alertAfterMs);
  if (h.problemMailed === void 0 && !unmailed) return void 0;
  return { back: t, since: h.firstFailure, failedRuns: h.failedRuns, lastError: h.lastError };
}
async function onFailure(run, h, before, exitCode, message) {
  const { cfg, t } = run;
  const since = h.failedRuns === 0 || h.firstFailure === void 0 ? t : h.firstFailure;
  const next = {
    ...h,
    failedRuns: h.failedRuns + 1,
    firstFailure: since,
    lastError: { exitCode, message, at: t }
  };
  const notes = [];
  const due = elapsed(since, t, cfg.health.alertAfterMs) && (h.problemMailed === void 0 || elapsed(h.problemMailed, t, cfg.health.repeatMs));
  if (due) {
    const failing = `failing since ${iso2(since)} (${next.failedRuns} runs)`;
    if (exitCode === Exit.mail) {
      notes.push(`${failing}: no problem mail, the mail server itself is what fails; retried next run`);
    } else {
      const mail = problemMail(
        {
          exitCode,
          message,
          since,
          failedRuns: next.failedRuns,
          lastSuccess: h.lastSuccess,
          repeatMs: cfg.health.repeatMs
        },
        cfg.mail.subjectPrefix
      );
      const sent = await trySend(run, mail);
      if (sent === true) Object.assign(next, { problemMailed: t, lastMail: t });
      notes.push(
        sent === true ? `${failing}: problem mail sent` : `${failing}: problem mail not delivered either (${sent}); retried next run`
      );
    }
  }
  const saved = save(run, next, before);
  if (saved) notes.push(saved);
  return notes.join("; ");
}
async function onSuccess(run, h, before, mailed, recovery, folded) {
  const { cfg, t } = run;
  const notes = [];
  let warn = false;
  const next = { ...h, failedRuns: 0 };
  let active = mailed;
  if (recovery) {
    const sent = folded || await trySend(run, recoveryMail(recovery, cfg.mail.subjectPrefix));
    if (sent === true) Object.assign(next, { problemMailed: void 0, firstFailure: void 0 });
    notes.push(
      folded ? "recovery note included" : sent === true ? "recovery mail sent" : `recovery mail not delivered (${sent}); retried next run`
    );
    warn = sent !== true;
    active ||= sent === true;
  } else {
    next.firstFailure = void 0;
  }
  if (active) Object.assign(next, { quietSince: t, lastMail: t });
  else if (heartbeatDue(cfg, h, t)) {
    const sent = await trySend(
      run,
      heartbeatMail(
        { since: h.quietSince, now: t, period: cfg.health.heartbeatMs === 864e5 ? "daily" : "weekly" },
        cfg.mail.subjectPrefix
      )
    );
    const slots = Math.max(1, Math.floor((t - h.quietSince + JITTER_MS) / cfg.health.heartbeatMs));
    if (sent === true)
      Object.assign(next, {
        quietSince: h.quietSince + slots * cfg.health.heartbeatMs,
        lastHeartbeat: t,
        lastMail: t
      });
    notes.push(
      sent === true ? "all-quiet heartbeat sent" : `all-quiet heartbeat not delivered (${sent}); retried next run`
    );
    warn = sent !== true;
  }
  const stale = h.lastSuccess === void 0 || t - h.lastSuccess >= SUCCESS_REFRESH_MS;
  if (stale || !sameHealth(next, before)) next.lastSuccess = t;
  const saved = save(run, next, before);
  if (saved) notes.push(saved);
  return { notes, warn: warn || saved !== void 0 };
}
function heartbeatDue(cfg, h, t) {
  return cfg.health.heartbeatMs > 0 && h.quietSince !== void 0 && elapsed(h.quietSince, t, cfg.health.heartbeatMs);
}
function elapsed(from, to, span) {
  return to - from >= span - JITTER_MS;
}
async function trySend(run, mail) {
  const budget = Math.max(run.deadline.remaining(), HEALTH_MAIL_MIN_MS);
  try {
    await sendAsIs(run.cfg, new Deadline(budget, run.sys.now), mail);
    return true;
  } catch (err) {
    return redact2(run.cfg, errorLine(err)).replace(/\. The failures will be sent again on the next run$/, "");
  }
}
function save(run, next, before) {
  try {
    saveHealth(run.cfg.stateDir, next, before);
    return void 0;
  } catch (err) {
    return `health record not saved (${describe(err)}): check that STATE_DIR is writable`;
  }
}
function errorLine(err) {
  return err instanceof AppError ? err.message : `internal error: ${describe(err)}`;
}
function rewrap(err, note2) {
  if (err instanceof AppError) return new AppError(err.exitCode, `${err.message}; ${note2}`, { cause: err });
  return new AppError(
    Exit.internal,
    `internal error: ${describe(err)}; run again with --verbose and report it; ${note2}`,
    { cause: err }
  );
}
function redact2(cfg, text2) {
  return redact(text2, secretsOf(cfg));
}
var HEALTH_MAIL_MIN_MS, JITTER_MS, SUCCESS_REFRESH_MS, iso2;
var init_watch = __esm({
  "src/health/watch.ts"() {
    "use strict";
    init_deadline();
    init_errors();
    init_redact();
    init_fit();
    init_secrets();
    init_health_mail();
    init_health_record();
    HEALTH_MAIL_MIN_MS = 2e4;
    JITTER_MS = 6e4;
    SUCCESS_REFRESH_MS = 36e5;
    iso2 = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, "Z");
  }
});

// src/format/gzblocks.ts
var import_node_stream2, loaded, zlib, BLOCK_BYTES, OPTIONS, GzipBlocks;
var init_gzblocks = __esm({
  "src/format/gzblocks.ts"() {
    "use strict";
    import_node_stream2 = require("node:stream");
    zlib = () => {
      loaded ??= require("node:zlib");
      return loaded;
    };
    BLOCK_BYTES = 256 * 1024;
    OPTIONS = { level: 3 };
    GzipBlocks = class {
      /** `budget`: compressed bytes in all; `header` starts the first block, `footer` is a block of its own. */
      constructor(budget, header, footer = "") {
        this.budget = budget;
        this.#tail = footer ? zlib().gzipSync(footer, OPTIONS) : void 0;
        this.budget -= this.#tail?.length ?? 0;
        this.#stage = Buffer.allocUnsafe(BLOCK_BYTES + 64 * 1024);
        this.#head = this.#used = this.#stage.write(header, 0, "utf8");
      }
      budget;
      #members = [];
      #stage;
      #used;
      #lens = [];
      #head;
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
          this.rows -= last.lens.length;
          this.#full = true;
          const kept = this.#fitLines(zlib().gunzipSync(last.bytes), last.lens, last.head);
          this.omitted += last.lens.length - kept;
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
        this.#used = 0;
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
        this.#used = 0;
        this.#head = 0;
        const gz = zlib().gzipSync(data, OPTIONS);
        if (this.#bytes + gz.length <= this.budget) this.#push(gz, lens, head);
        else {
          this.#full = true;
          this.omitted += lens.length - this.#fitLines(data, lens, head);
        }
      }
      /** Keeps as many of the first lines of `data` as fit the budget as one block; returns how many. */
      #fitLines(data, lens, head) {
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
          const gz = zlib().gzipSync(data.subarray(0, ends[mid - 1]), OPTIONS);
          if (this.#bytes + gz.length <= this.budget) {
            best = { gz, n: mid };
            lo = mid + 1;
          } else {
            hi = mid - 1;
          }
        }
        if (best) this.#push(best.gz, lens.slice(0, best.n), head);
        return best?.n ?? 0;
      }
      #push(bytes, lens, head) {
        this.#members.push({ bytes, lens, head });
        this.#bytes += bytes.length;
        this.rows += lens.length;
      }
    };
  }
});

// src/format/attachment.ts
function csvCell(value) {
  let s = clean(value, CSV_CELL_MAX);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function recordRow(record) {
  const texts = [];
  let long = false;
  for (const column of CSV_COLUMNS) {
    const t = textOf(record[column]);
    long ||= t.length > CSV_CELL_MAX;
    texts.push(t);
  }
  const row2 = texts.join(",");
  return !long && !ROW_SPECIAL.test(row2) && ROW_COMMAS.test(row2) ? `${row2}\r
` : csvRow(CSV_COLUMNS.map((c) => record[c]));
}
function createAttachment(format, budget) {
  return format === "none" ? void 0 : new AttachmentBuilder(format, budget);
}
var CSV_COLUMNS, CSV_CELL_MAX, csvRow, ROW_SPECIAL, ROW_COMMAS, JSON_UNSAFE, jsonLine, attachmentFilename, AttachmentBuilder;
var init_attachment = __esm({
  "src/format/attachment.ts"() {
    "use strict";
    init_gzblocks();
    init_sanitize();
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
    ROW_SPECIAL = new RegExp(`${SUSPECT_CLASS}|"|^[ =+\\-@]| $| ,|,[ =+\\-@]`);
    ROW_COMMAS = new RegExp(`^[^,]*(?:,[^,]*){${CSV_COLUMNS.length - 1}}$`);
    JSON_UNSAFE = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
    jsonLine = (r) => JSON.stringify(r).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
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
      add(record) {
        if (this.format === "csv") this.#blocks.add(recordRow(record));
        else this.#blocks.add(`${this.#blocks.lines > 0 ? ",\n" : ""}${jsonLine(record)}`);
      }
      /** Rows in the attachment; `omitted` rows were left out to respect the size cap. */
      get rows() {
        return this.#blocks.rows;
      }
      get omitted() {
        return this.#blocks.omitted;
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

// src/format/tally.ts
function member(g, u, user, time) {
  addSpan(g.row, time);
  if (g.users >= MAX_KEYS) return;
  if (u) {
    if (u.groups.includes(g.tag)) return;
    u.groups.push(g.tag);
  } else {
    g.others ??= /* @__PURE__ */ new Set();
    if (g.others.has(user)) return;
    g.others.add(user);
  }
  g.users++;
}
function addSpan(s, t) {
  s.count++;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}
function top(map, n) {
  return [...map].map(([value, c]) => ({ value, count: c.n })).sort((a, b) => b.count - a.count || cmp(a.value, b.value)).slice(0, n);
}
var MAX_KEYS, ENDPOINT_ROWS, minTime, maxTime, cmp;
var init_tally = __esm({
  "src/format/tally.ts"() {
    "use strict";
    MAX_KEYS = 1e4;
    ENDPOINT_ROWS = 16;
    minTime = (a, b) => a === void 0 ? b : b === void 0 ? a : Math.min(a, b);
    maxTime = (a, b) => a === void 0 ? b : b === void 0 ? a : Math.max(a, b);
    cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  }
});

// src/format/rows.ts
var MAX_ROWS, DetailRows;
var init_rows = __esm({
  "src/format/rows.ts"() {
    "use strict";
    init_tally();
    MAX_ROWS = 2e3;
    DetailRows = class {
      list = [];
      /** Distinct rows beyond MAX_ROWS: counted, not kept. */
      dropped = 0;
      /** Rows of endpoints without a tally (none, or past MAX_KEYS) or with more than ENDPOINT_ROWS rows. */
      #index = /* @__PURE__ */ new Map();
      /**
       * An endpoint's first ENDPOINT_ROWS rows are on its tally and told apart by the identity of their
       * user, reason and NAS tallies: no key to build for most records of a storm. Rows whose user,
       * reason, NAS or endpoint has no tally (past MAX_KEYS), or that do not fit, go to the key index.
       */
      add(v, e, who) {
        let row2;
        if (e && who) {
          for (const x of e.rows) if (x.u === who.u && x.reason === who.reason && x.nas === who.nas) row2 = x.row;
        }
        const indexed = !e || !who || e.rows.length >= ENDPOINT_ROWS;
        const key = indexed ? `${v.user}\0${v.endpoint}\0${v.nasName}\0${v.nasIp}\0${v.reason}` : "";
        if (!row2 && indexed) row2 = this.#index.get(key);
        if (row2) {
          addSpan(row2, v.time);
          if (v.time !== void 0 && v.time === row2.last) row2.location = v.location;
        } else if (this.list.length < MAX_ROWS) {
          row2 = { ...v, count: 1, first: v.time, last: v.time };
          this.list.push(row2);
          if (indexed) this.#index.set(key, row2);
          else e.rows.push({ row: row2, ...who });
        } else {
          this.dropped++;
        }
      }
    };
  }
});

// src/core/isotime.ts
function parseIso(text2) {
  const n = text2.length;
  if (n < 20 || n > 29 || text2.charCodeAt(4) !== 45 || text2.charCodeAt(7) !== 45 || text2.charCodeAt(10) !== 84)
    return Date.parse(text2);
  if (text2.charCodeAt(13) !== 58 || text2.charCodeAt(16) !== 58) return Date.parse(text2);
  const year = digits(text2, 0, 4);
  const month = digits(text2, 5, 2);
  const day = digits(text2, 8, 2);
  const hour = digits(text2, 11, 2);
  const minute = digits(text2, 14, 2);
  const second = digits(text2, 17, 2);
  let at = 19;
  let ms = 0;
  if (text2.charCodeAt(at) === 46) {
    ms = digits(text2, at + 1, 3);
    at += 4;
  }
  let offset = 0;
  const zone = text2.charCodeAt(at);
  if (zone === 90 && at + 1 === n) offset = 0;
  else if ((zone === 43 || zone === 45) && at + 6 === n && text2.charCodeAt(at + 3) === 58) {
    const hh = digits(text2, at + 1, 2);
    const mm = digits(text2, at + 4, 2);
    if (hh > 23 || mm > 59) return Date.parse(text2);
    offset = (zone === 45 ? -1 : 1) * (hh * 60 + mm);
  } else return Date.parse(text2);
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23;
  if (!(year >= 1970 && inRange && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0))
    return Date.parse(text2);
  return (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset * 60) * 1e3 + ms;
}
function digits(text2, at, len) {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = text2.charCodeAt(i) - 48;
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

// src/format/view.ts
function viewOf(r, time = parseTime(r.timestamp)) {
  return {
    time,
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason),
    location: clean(r.location)
  };
}
function parseTime(timestamp) {
  const t = parseIso(timestamp);
  return Number.isFinite(t) ? t : void 0;
}
var init_view = __esm({
  "src/format/view.ts"() {
    "use strict";
    init_isotime();
    init_sanitize();
  }
});

// src/format/digest.ts
var Digest;
var init_digest = __esm({
  "src/format/digest.ts"() {
    "use strict";
    init_attachment();
    init_rows();
    init_tally();
    init_view();
    init_rows();
    init_tally();
    init_view();
    Digest = class {
      /** Records in the mail (after filters). */
      total = 0;
      newest;
      oldest;
      #rows = new DetailRows();
      filtered = /* @__PURE__ */ new Map();
      /** Detail rows in the order they appeared; most are found through their user's tally. */
      #reasons = /* @__PURE__ */ new Map();
      /** NAS groups by name, then IP (no key built per record), and in the order they appeared. */
      #nas = /* @__PURE__ */ new Map();
      #nasList = [];
      // Counts are boxed: one lookup per record for a key seen before (most of a storm's).
      #users = /* @__PURE__ */ new Map();
      #endpoints = /* @__PURE__ */ new Map();
      #filter;
      #attachment;
      constructor(opts = {}) {
        this.#filter = opts.filter;
        this.#attachment = createAttachment(opts.attach ?? "none", opts.attachBudget ?? Number.POSITIVE_INFINITY);
      }
      /**
       * Adds one record and returns its cleaned view; undefined when a filter dropped it (only counted).
       * `time`: the record's instant, when the caller has parsed its timestamp already.
       */
      add(record, time) {
        const dropped = this.#filter?.(record);
        if (dropped) {
          this.filtered.set(dropped, (this.filtered.get(dropped) ?? 0) + 1);
          return void 0;
        }
        const v = time === void 0 ? viewOf(record) : viewOf(record, time);
        this.total++;
        this.newest = maxTime(this.newest, v.time);
        this.oldest = minTime(this.oldest, v.time);
        let u = this.#users.get(v.user);
        if (u) u.n++;
        else if (this.#users.size < MAX_KEYS) {
          u = { n: 1, groups: [] };
          this.#users.set(v.user, u);
        }
        let e = v.endpoint ? this.#endpoints.get(v.endpoint) : void 0;
        if (e) e.n++;
        else if (v.endpoint && this.#endpoints.size < MAX_KEYS) {
          e = { n: 1, rows: [] };
          this.#endpoints.set(v.endpoint, e);
        }
        const reason = this.#reasonGroup(v);
        const nas = this.#nasGroup(v);
        if (reason) member(reason, u, v.user, v.time);
        if (nas) member(nas, u, v.user, v.time);
        this.#rows.add(v, e, u && reason && nas && { u, reason, nas });
        this.#attachment?.add(record);
        return v;
      }
      /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
      get rowsDropped() {
        return this.#rows.dropped;
      }
      get filteredTotal() {
        return [...this.filtered.values()].reduce((a, b) => a + b, 0);
      }
      /** Distinct users; `usersCapped` says the true number is higher. */
      get distinctUsers() {
        return this.#users.size;
      }
      get usersCapped() {
        return this.#users.size >= MAX_KEYS;
      }
      get distinctEndpoints() {
        return this.#endpoints.size;
      }
      reasons() {
        return [...this.#reasons.values()].map((r) => ({ ...r.row, users: r.users })).sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
      }
      nas() {
        return this.#nasList.map((r) => ({ ...r.row, users: r.users })).sort((a, b) => b.count - a.count || cmp(a.name, b.name));
      }
      topUsers(n) {
        return top(this.#users, n);
      }
      topEndpoints(n) {
        return top(this.#endpoints, n);
      }
      /** Detail rows, newest first. */
      details() {
        return [...this.#rows.list].sort(
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
      #reasonGroup(v) {
        let g = this.#reasons.get(v.reason);
        if (!g && this.#reasons.size < MAX_KEYS) {
          const row2 = { reason: v.reason, count: 0, users: 0, first: void 0, last: void 0 };
          g = { row: row2, tag: 2 * this.#reasons.size, users: 0 };
          this.#reasons.set(v.reason, g);
        }
        return g;
      }
      #nasGroup(v) {
        let g = this.#nas.get(v.nasName)?.get(v.nasIp);
        if (!g && this.#nasList.length < MAX_KEYS) {
          const row2 = { name: v.nasName, ip: v.nasIp, location: v.location, count: 0, users: 0 };
          g = { row: { ...row2, first: void 0, last: void 0 }, tag: 2 * this.#nasList.length + 1, users: 0 };
          let byIp = this.#nas.get(v.nasName);
          if (!byIp) {
            byIp = /* @__PURE__ */ new Map();
            this.#nas.set(v.nasName, byIp);
          }
          byIp.set(v.nasIp, g);
          this.#nasList.push(g);
        }
        return g;
      }
    };
  }
});

// src/pxgrid/http.ts
function bodyOf(res) {
  return {
    each: (onChunk) => new Promise((resolve4, reject) => {
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
      (0, import_node_stream3.finished)(res, (err) => err ? reject(err) : resolve4());
    }),
    async text() {
      const parts2 = [];
      for await (const chunk of res) parts2.push(chunk);
      return Buffer.concat(parts2).toString("utf8");
    },
    dump: () => new Promise((resolve4) => {
      res.once("end", resolve4).once("error", () => resolve4()).once("close", resolve4);
      res.resume();
    })
  };
}
function isTransient(err) {
  if (err instanceof TransportError && err.kind !== "other" && err.kind !== "connect") return false;
  const code = err instanceof AppError ? errCode(err.cause) : "";
  return ["ECONNRESET", "EPIPE"].includes(code);
}
function deadlineError() {
  return new TransportError(
    "deadline",
    "the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)"
  );
}
function transportError(url, err, deadline, withCert = false) {
  if (err instanceof AppError) return err;
  const where2 = safeOrigin(url);
  const code = errCode(err);
  if (deadline?.expired() || code === "ABORT_ERR" || err?.name === "TimeoutError") return deadlineError();
  const msg = err instanceof Error ? err.message : "";
  const alert = /alert (handshake failure|certificate required|bad certificate|unknown ca|certificate unknown)/i.test(
    msg
  );
  if (/before secure TLS connection was established/.test(msg) || alert || /ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN)/.test(code)) {
    return new TransportError(
      "tls",
      `cannot talk to pxGrid at ${where2}: ${withCert ? CERT_REJECTED : CERT_REQUIRED}`,
      err
    );
  }
  const known = TRANSPORT_HINTS[code];
  const tls = known ? void 0 : TLS_HINT(code);
  const kind = known?.[0] ?? (tls ? "tls" : "other");
  return new TransportError(kind, `cannot talk to pxGrid at ${where2}: ${known?.[1] ?? tls ?? describe(err)}`, err);
}
function TLS_HINT(code) {
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ISSUER/.test(code)) {
    return `TLS verification failed (${code}): ISE_CA does not hold the CA that signed ISE's pxGrid certificate; export it from Administration > pxGrid Services > Client Management > Certificates (or Administration > System > Certificates > Certificate Authority > CA Certificates) into ISE_CA`;
  }
  if (/SSL|TLS|ALERT/.test(code))
    return `TLS handshake failed (${code}); check ISE_CA, and PXGRID_CERT/PXGRID_KEY if ISE requires a client certificate`;
  return void 0;
}
function errCode(err) {
  let e = err;
  for (let i = 0; i < 4 && e; i++) {
    const code2 = e.code;
    if (typeof code2 === "string") return code2;
    e = e.cause;
  }
  const code = err?.code;
  return typeof code === "string" ? code : "";
}
function safeOrigin(url) {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid URL";
  }
}
var import_node_https, import_node_stream3, CONNECT_MS2, IDLE_MS, MAX_TLS, TransportError, PxHttp, codedError, RETRY_STATUS, CERT_REQUIRED, CERT_REJECTED, TIMED_OUT, TRANSPORT_HINTS;
var init_http = __esm({
  "src/pxgrid/http.ts"() {
    "use strict";
    import_node_https = require("node:https");
    import_node_stream3 = require("node:stream");
    init_errors();
    init_retry();
    CONNECT_MS2 = 1e4;
    IDLE_MS = 3e4;
    MAX_TLS = "TLSv1.2";
    TransportError = class extends AppError {
      constructor(kind, message, cause) {
        super(Exit.ise, message, { cause });
        this.kind = kind;
        this.name = "TransportError";
      }
      kind;
    };
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
       * inside the deadline unless `final5xx` says a 5xx status means something (AccountCreate's 503).
       */
      async post(url, body, auth, final5xx = false) {
        return withRetry(() => this.#once(url, body, auth), this.deadline, {
          attempts: 3,
          baseDelayMs: 1e3,
          transient: isTransient,
          again: (res) => !final5xx && RETRY_STATUS.has(res.status),
          discard: (res) => res.body.dump()
        });
      }
      #once(url, body, auth) {
        if (this.deadline.expired()) return Promise.reject(deadlineError());
        const payload = JSON.stringify(body ?? {});
        const headers = {
          "content-type": "application/json",
          accept: "application/json",
          "content-length": Buffer.byteLength(payload)
        };
        if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString("base64")}`;
        return new Promise((resolve4, reject) => {
          const req = (0, import_node_https.request)(url, {
            method: "POST",
            headers,
            agent: this.#agent,
            signal: AbortSignal.timeout(this.deadline.remaining() || 1)
          });
          const connectTimer = setTimeout(
            () => req.destroy(codedError("connection timed out", "ISE_CONNECT_TIMEOUT")),
            this.deadline.cap(CONNECT_MS2)
          );
          req.on("socket", (socket) => {
            if (!socket.connecting) clearTimeout(connectTimer);
            else socket.once("secureConnect", () => clearTimeout(connectTimer));
          });
          req.setTimeout(this.deadline.cap(IDLE_MS), () => req.destroy(codedError("no data in time", "ISE_IDLE_TIMEOUT")));
          req.on("error", (err) => {
            clearTimeout(connectTimer);
            reject(transportError(url, err, this.deadline, this.#withCert));
          });
          req.on("response", (res) => {
            clearTimeout(connectTimer);
            const date = res.headers.date;
            resolve4({ status: res.statusCode ?? 0, date: typeof date === "string" ? date : void 0, body: bodyOf(res) });
          });
          req.end(payload);
        });
      }
      async close() {
        this.#agent.destroy();
      }
    };
    codedError = (message, code) => Object.assign(new Error(message), { code });
    RETRY_STATUS = /* @__PURE__ */ new Set([502, 503, 504]);
    CERT_REQUIRED = "ISE closed the connection during the TLS handshake, so it requires a client certificate: set PXGRID_CERT and PXGRID_KEY (generate them under Administration > pxGrid Services > Client Management > Certificates)";
    CERT_REJECTED = 'ISE rejected the client certificate PXGRID_CERT during the TLS handshake: it must be issued by a CA in Administration > System > Certificates > Trusted Certificates with "Trust for client authentication" (e.g. one generated under Administration > pxGrid Services > Client Management > Certificates)';
    TIMED_OUT = "connection timed out; check routing and firewalls between Guestshell and ISE port 8910";
    TRANSPORT_HINTS = {
      ECONNREFUSED: [
        "connect",
        "connection refused; check ISE_HOST and PXGRID_PORT (8910) and that pxGrid is enabled on that node (Administration > System > Deployment)"
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

// src/pxgrid/schemas.ts
function serviceNode(v) {
  if (!isObject(v) || typeof v.nodeName !== "string" || !optionalString(v.name)) return void 0;
  if (v.properties !== void 0 && !isObject(v.properties)) return void 0;
  return { ...v, properties: v.properties ?? {} };
}
function serviceLookupResponse(v) {
  if (!isObject(v) || v.services !== void 0 && !Array.isArray(v.services)) return void 0;
  const services = (v.services ?? []).map(serviceNode);
  return services.every((s) => s !== void 0) ? { ...v, services } : void 0;
}
function failureRecord(v) {
  if (!isObject(v)) return void 0;
  const { id, timestamp, executionSteps: steps } = v;
  const idOk = typeof id === "string" && id.length > 0 || typeof id === "number" && Number.isFinite(id);
  if (!idOk || !nonEmptyString(timestamp)) return void 0;
  if (steps !== void 0 && typeof steps !== "string" && !Array.isArray(steps)) return void 0;
  v.id = String(id);
  return v;
}
var optionalString, nonEmptyString, accountCreateResponse, accountActivateResponse, accessSecretResponse;
var init_schemas = __esm({
  "src/pxgrid/schemas.ts"() {
    "use strict";
    init_json();
    optionalString = (v) => v === void 0 || typeof v === "string";
    nonEmptyString = (v) => typeof v === "string" && v.length > 0;
    accountCreateResponse = (v) => isObject(v) && optionalString(v.nodeName) && nonEmptyString(v.password) ? v : void 0;
    accountActivateResponse = (v) => isObject(v) && typeof v.accountState === "string" && optionalString(v.version) ? v : void 0;
    accessSecretResponse = (v) => isObject(v) && nonEmptyString(v.secret) ? v : void 0;
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
      Exit.account,
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
      Exit.account,
      `ISE refused AccessSecret for ${auth.user} and node ${peerNodeName} (HTTP ${s}): check the client under ${CLIENTS}`
    ) : void 0
  );
  return res.secret;
}
function serviceProperty(node, name) {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(node.properties)) if (k.toLowerCase() === want && typeof v === "string") return v;
  return void 0;
}
var RADIUS_SERVICE, PxControl, CLIENTS, accountCreate, accountActivate;
var init_control = __esm({
  "src/pxgrid/control.ts"() {
    "use strict";
    init_errors();
    init_http();
    init_schemas();
    RADIUS_SERVICE = "com.cisco.ise.radius";
    PxControl = class {
      constructor(http, hosts) {
        this.http = http;
        this.hosts = hosts;
      }
      http;
      hosts;
      #preferred = 0;
      async call(method, body, auth, check2, statusHint) {
        const { status, text: text2, host } = await this.#post(method, body, auth);
        if (status !== 200)
          throw statusHint(status) ?? iseError(
            `pxGrid ${method} on ${host} answered HTTP ${status}; check the pxGrid client in ISE (Administration > pxGrid Services)`
          );
        let json;
        try {
          json = JSON.parse(text2);
        } catch {
          throw iseError(`pxGrid ${method} on ${host} answered with something that is not JSON; is ${host} a pxGrid node?`);
        }
        const parsed = check2(json);
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
            const res = await this.http.post(url, body, auth, method === "AccountCreate");
            const text2 = await res.body.text();
            this.#preferred = i;
            return { status: res.status, text: text2, host: `${host}:${port2}` };
          } catch (err) {
            if (!(err instanceof TransportError) || err.kind === "deadline") throw err;
            errors.push(err);
          }
        }
        const shown = errors.find((e) => e.kind === "tls") ?? errors[0];
        if (errors.length < 2) throw shown;
        throw new TransportError(shown.kind, `${shown.message} (the other ISE_HOST entries failed too)`, shown);
      }
    };
    CLIENTS = "Administration > pxGrid Services > Client Management > Clients";
    accountCreate = (c, nodeName) => c.call("AccountCreate", { nodeName }, void 0, accountCreateResponse, (s) => {
      if (s === 409)
        return new AppError(
          Exit.account,
          `pxGrid client ${nodeName} already exists on ISE but its password is not in STATE_DIR: have the ISE admin delete client ${nodeName} under ${CLIENTS}, or set another PXGRID_USER, then run setup again`
        );
      if (s === 503 || s === 403)
        return new AppError(
          Exit.account,
          `ISE refuses password-based pxGrid accounts (AccountCreate HTTP ${s}): enable "Allow password based account creation" under Administration > pxGrid Services > Settings, or use certificates (PXGRID_CERT, PXGRID_KEY)`
        );
      return void 0;
    });
    accountActivate = (c, auth, description, credentialsFile) => c.call("AccountActivate", { description }, auth, accountActivateResponse, (s) => {
      if (s !== 401) return void 0;
      if (!credentialsFile) {
        return new AppError(
          Exit.account,
          `ISE does not accept pxGrid client ${auth.user} with this certificate (AccountActivate HTTP 401): check that PXGRID_USER is allowed for PXGRID_CERT and that the client is not deleted under ${CLIENTS}`
        );
      }
      return new AppError(
        Exit.account,
        `ISE does not accept the stored password of pxGrid client ${auth.user} (AccountActivate HTTP 401): the client was deleted on ISE or ${credentialsFile} is from another ISE; delete that file and run setup again (if setup then reports that the client exists, the ISE admin must delete it under ${CLIENTS})`
      );
    });
  }
});

// src/pxgrid/jsonstream.ts
function decodeKey(bytes) {
  const raw = Buffer.from(bytes).toString("utf8");
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return raw;
  }
}
var QUOTE, BACKSLASH, OPEN_OBJ, CLOSE_OBJ, OPEN_ARR, CLOSE_ARR, MAX_KEY_BYTES, NEXT_RECORD, LAST_RECORD, ArrayElementStream;
var init_jsonstream = __esm({
  "src/pxgrid/jsonstream.ts"() {
    "use strict";
    QUOTE = 34;
    BACKSLASH = 92;
    OPEN_OBJ = 123;
    CLOSE_OBJ = 125;
    OPEN_ARR = 91;
    CLOSE_ARR = 93;
    MAX_KEY_BYTES = 256;
    NEXT_RECORD = Buffer.from('},{"');
    LAST_RECORD = Buffer.from("}]");
    ArrayElementStream = class {
      constructor(key, onElement, maxElementBytes = 4 * 1024 * 1024, parseMany) {
        this.key = key;
        this.onElement = onElement;
        this.maxElementBytes = maxElementBytes;
        this.parseMany = parseMany;
      }
      key;
      onElement;
      maxElementBytes;
      parseMany;
      #depth = 0;
      /** Opening byte of each open container, outermost first: a `]` must close a `[`. */
      #open = [];
      #inString = false;
      #escape = false;
      #inTarget = false;
      #done = false;
      #keyBytes;
      #lastKey = "";
      /** Pieces of an element that spans chunks (copied: the chunk's memory is reused). */
      #parts = [];
      #elementStart = -1;
      #elementBytes = 0;
      /** Fast path: the start of an element the last chunk cut off, kept to be read whole with the next one. */
      #stash;
      /** True once the top-level value has closed: the response is complete (read it after end()). */
      get complete() {
        return this.#done;
      }
      write(chunk) {
        if (this.#stash) {
          chunk = Buffer.concat([this.#stash, chunk]);
          this.#stash = void 0;
        }
        this.#write(chunk, this.parseMany !== void 0);
      }
      /** The body has ended: reads what the fast path still holds. Then `complete` says whether it was whole. */
      end() {
        const rest = this.#stash;
        this.#stash = void 0;
        if (rest) this.#write(rest, false);
      }
      #write(chunk, fast) {
        this.#elementStart = this.#inElement() ? 0 : -1;
        const n = chunk.length;
        for (let i = 0; i < n; i++) {
          if (this.#inString) {
            i = this.#scanString(chunk, i);
            continue;
          }
          const c = chunk[i];
          if (c === QUOTE) this.#startString();
          else if (c === OPEN_OBJ && fast && this.#inTarget && this.#depth === 2) {
            const end = this.#manyEnd(chunk, i);
            if (end > i && this.parseMany(chunk.toString("utf8", i, end + 1))) i = end;
            else if (end < i && n - i < this.maxElementBytes) {
              this.#stash = Buffer.from(chunk.subarray(i));
              return;
            } else {
              fast = false;
              this.#openContainer(c, i);
            }
          } else if (c === OPEN_OBJ || c === OPEN_ARR) this.#openContainer(c, i);
          else if (c === CLOSE_OBJ || c === CLOSE_ARR) this.#close(c, chunk, i);
          else if (this.#depth === 0 && c > 32)
            throw new Error(
              this.#done ? "unexpected data after the end of the JSON response" : "the response is not a JSON object"
            );
        }
        if (this.#elementStart >= 0) this.#keep(chunk.subarray(this.#elementStart));
      }
      /** Index of the last `}` in the chunk that looks like the end of a record, if within the size limit. */
      #manyEnd(chunk, start) {
        const end = Math.max(chunk.lastIndexOf(NEXT_RECORD), chunk.lastIndexOf(LAST_RECORD));
        return end - start < this.maxElementBytes ? end : -1;
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
      #startString() {
        if (this.#depth === 0)
          throw new Error(
            this.#done ? "unexpected data after the end of the JSON response" : "the response is not a JSON object"
          );
        this.#inString = true;
        this.#escape = false;
        this.#keyBytes = this.#depth === 1 ? [] : void 0;
      }
      #openContainer(c, i) {
        if (this.#done) throw new Error("unexpected data after the end of the JSON response");
        if (this.#depth === 0 && c !== OPEN_OBJ) throw new Error("the response is not a JSON object");
        this.#open.push(c);
        this.#depth++;
        if (this.#depth === 2 && c === OPEN_ARR && this.#lastKey === this.key) this.#inTarget = true;
        if (this.#depth === 3 && this.#inTarget) {
          this.#elementStart = i;
          this.#parts = [];
          this.#elementBytes = 0;
        }
      }
      #close(c, chunk, i) {
        const opened = this.#open.pop();
        if (opened === void 0 || opened === OPEN_OBJ !== (c === CLOSE_OBJ))
          throw new Error("unbalanced JSON in the response");
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
          this.onElement(chunk.subarray(start, i + 1));
          return;
        }
        this.#keep(chunk.subarray(start, i + 1));
        const element = Buffer.concat(this.#parts);
        this.#parts = [];
        this.onElement(element);
      }
      #keep(part) {
        this.#count(part.length);
        this.#parts.push(Buffer.from(part));
      }
      #count(bytes) {
        this.#elementBytes += bytes;
        if (this.#elementBytes > this.maxElementBytes)
          throw new Error(`a record is larger than ${this.maxElementBytes} bytes`);
      }
    };
  }
});

// src/pxgrid/failures.ts
async function streamFailures(http, restBaseUrl2, auth, startTimestamp, onRecord) {
  const url = `${restBaseUrl2.replace(/\/+$/, "")}/getFailures`;
  const res = await http.post(url, startTimestamp ? { startTimestamp } : {}, auth);
  if (res.status !== 200) {
    await res.body.dump().catch(() => void 0);
    throw new ServiceStatusError(res.status, url);
  }
  const stats = { invalid: 0, serverDate: res.date ? Date.parse(res.date) || void 0 : void 0 };
  const parser = failureStream(
    (r) => sinkCall(onRecord, r),
    () => stats.invalid++
  );
  try {
    await res.body.each((chunk) => parser.write(chunk));
    parser.end();
  } catch (err) {
    if (err instanceof SinkError) throw err.cause;
    if (err instanceof SyntaxError || err instanceof Error && !("code" in err)) {
      throw iseError(
        `getFailures answered with invalid JSON (${err.message}); nothing was mailed, the next run retries`
      );
    }
    if (err.message !== "aborted") throw transportError(url, err);
  }
  if (!parser.complete) throw iseError(TRUNCATED);
  return stats;
}
function failureStream(onRecord, onInvalid) {
  const take = (record) => record ? onRecord(record) : onInvalid();
  return new ArrayElementStream(
    "failures",
    (buf) => take(parseRecord(buf.toString("utf8"))),
    void 0,
    (text2) => {
      let values;
      try {
        values = JSON.parse(`[${text2}]`);
      } catch {
        return false;
      }
      for (const v of values) if (isObject(v) && typeof v.id === "number" && !Number.isSafeInteger(v.id)) return false;
      for (const v of values) if (typeof v === "object" && v !== null) take(failureRecord(v));
      return true;
    }
  );
}
function sinkCall(onRecord, record) {
  try {
    onRecord(record);
  } catch (err) {
    throw new SinkError("record handler failed", { cause: err });
  }
}
function parseRecord(json) {
  let value = JSON.parse(json);
  if (isObject(value) && typeof value.id === "number" && !Number.isSafeInteger(value.id)) {
    value = JSON.parse(json.replace(LONG_NUMERIC_ID, '$1"$2"'));
  }
  return failureRecord(value);
}
var LONG_NUMERIC_ID, SinkError, TRUNCATED, ServiceStatusError;
var init_failures = __esm({
  "src/pxgrid/failures.ts"() {
    "use strict";
    init_errors();
    init_json();
    init_http();
    init_jsonstream();
    init_schemas();
    LONG_NUMERIC_ID = /("id"\s*:\s*)(\d{16,})(?=\s*[,}])/;
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
async function activate(cfg, control, opts) {
  const creds = await credentials(cfg, control, opts.stateDir);
  const res = await accountActivate(control, creds.auth, opts.description, creds.file);
  return { ...creds, state: res.accountState.toUpperCase() };
}
function accountStateError(nodeName, state, again = "run again") {
  if (state === "ENABLED") return void 0;
  if (state === "PENDING") {
    return new AppError(
      Exit.account,
      `pxGrid client ${nodeName} is PENDING approval: an ISE admin must approve it under ${CLIENTS2} (ISE 2.x: All Clients), then ${again}`
    );
  }
  if (state === "DISABLED") {
    return new AppError(
      Exit.account,
      `pxGrid client ${nodeName} is DISABLED on ISE: an ISE admin must enable it under ${CLIENTS2} (ISE 2.x: All Clients), then ${again}`
    );
  }
  return new AppError(
    Exit.account,
    `pxGrid client ${nodeName} is in state ${state}, not ENABLED: check it under ${CLIENTS2}, then ${again}`
  );
}
async function credentials(cfg, control, stateDir) {
  const nodeName = cfg.ise.nodeName;
  if (cfg.ise.cert) return { auth: { user: nodeName, pass: "" }, created: false };
  const file = stateFile.credentials(stateDir);
  const stored = loadAccount(stateDir, nodeName);
  if (stored) return { auth: { user: stored.nodeName, pass: stored.password }, file, created: false };
  if (!control) throw new AppError(Exit.account, `no pxGrid account yet (${file} is missing): run setup`);
  checkWritable(stateDir);
  const made = await accountCreate(control, nodeName);
  saveAccount(stateDir, { nodeName, password: made.password });
  return { auth: { user: nodeName, pass: made.password }, file, created: true };
}
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
      if (err instanceof TransportError && err.kind === "deadline") throw err;
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
    throw new AppError(firstError.exitCode, `${firstError.message}${also}`, { cause: firstError });
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
  for (let attempt = 0; ; attempt++) {
    const secret = await accessSecret(ctx.control, ctx.auth, node.nodeName);
    sink.reset();
    try {
      return await streamFailures(ctx.http, base, { user: ctx.auth.user, pass: secret }, start, (r) => sink.add(r));
    } catch (err) {
      const refused = err instanceof ServiceStatusError && (err.status === 401 || err.status === 403);
      if (!refused) throw err;
      if (attempt === 0) continue;
      const res = await accountActivate(ctx.control, ctx.auth, ctx.description, ctx.file);
      throw accountStateError(ctx.auth.user, res.accountState.toUpperCase()) ?? new AppError(
        Exit.account,
        `ISE node ${node.nodeName} refuses pxGrid client ${ctx.auth.user} (getFailures HTTP ${err.status}) although it is ENABLED: check its authorization under Administration > pxGrid Services > Client Management > Policy`
      );
    }
  }
}
var DESCRIPTION, CLIENTS2;
var init_session = __esm({
  "src/pxgrid/session.ts"() {
    "use strict";
    init_errors();
    init_version();
    init_credentials();
    init_files();
    init_control();
    init_failures();
    init_http();
    DESCRIPTION = `ise-to-mail ${VERSION}`;
    CLIENTS2 = "Administration > pxGrid Services > Client Management > Clients";
  }
});

// src/pxgrid/tls.ts
function readPem(file, what, key) {
  try {
    const pem = (0, import_node_fs5.readFileSync)(file, "utf8");
    if (!pem.includes("-----BEGIN")) throw new Error("not PEM");
    return pem;
  } catch (err) {
    const reason = err.code ?? err.message;
    throw usageError(`cannot read ${what} ${file} (${reason}): check ${key}; it must be a PEM file`);
  }
}
function loadTls(ise, now = Date.now()) {
  const ca = ise.ca ? readPem(ise.ca, "the ISE CA bundle", "ISE_CA") : void 0;
  if (ca && ise.ca) checkCaBundle(ca, ise.ca);
  const cert = ise.cert ? readPem(ise.cert, "the pxGrid client certificate", "PXGRID_CERT") : void 0;
  const key = ise.key ? readPem(ise.key, "the pxGrid client key", "PXGRID_KEY") : void 0;
  if (cert && key && ise.cert && ise.key) checkKeyPair(cert, ise.cert, key, ise.key, ise.keyPassphrase, now);
  return { ca, cert, key, passphrase: ise.keyPassphrase, rejectUnauthorized: !ise.insecure };
}
function checkCaBundle(pem, file) {
  try {
    new import_node_crypto3.X509Certificate(pem);
  } catch {
    throw usageError(`ISE_CA ${file} holds no readable certificate: it must be the PEM of ISE's pxGrid root CA chain`);
  }
}
function checkKeyPair(certPem, certFile, keyPem, keyFile, passphrase, now) {
  let x509;
  try {
    x509 = new import_node_crypto3.X509Certificate(certPem);
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
      `PXGRID_CERT ${certFile} expired on ${new Date(x509.validTo).toISOString()}: generate a new one under Administration > pxGrid Services > Client Management > Certificates`
    );
  }
}
function privateKey(pem, file, passphrase) {
  try {
    return (0, import_node_crypto3.createPrivateKey)({ key: pem, format: "pem", passphrase });
  } catch (err) {
    const code = err.code ?? "";
    if (/PASSPHRASE/.test(code) || !passphrase && /ENCRYPTED/.test(pem)) {
      throw usageError(`PXGRID_KEY ${file} is encrypted: set PXGRID_KEY_PASSPHRASE`);
    }
    if (passphrase && /DECRYPT|BAD_PASSWORD/i.test(code + String(err.message))) {
      throw usageError(`PXGRID_KEY ${file} cannot be decrypted: PXGRID_KEY_PASSPHRASE is wrong`);
    }
    throw usageError(
      `PXGRID_KEY ${file} is not a readable private key (${code || "bad PEM"}): it must be a PEM key (PKCS#8 or traditional)`
    );
  }
}
var import_node_crypto3, import_node_fs5;
var init_tls = __esm({
  "src/pxgrid/tls.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto");
    import_node_fs5 = require("node:fs");
    init_errors();
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
      add(id, time) {
        const n = numeric(id);
        if (n !== void 0) return this.#addNumeric(n, time ?? Number.NaN);
        if (this.#other.has(id)) return false;
        this.#other.set(id, time);
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
      #addNumeric(n, time) {
        const slot = this.#find(n);
        if (this.#slots[slot] !== EMPTY) return false;
        if (this.#count === this.#ids.length) this.#growColumns();
        this.#ids[this.#count] = n;
        this.#times[this.#count] = time;
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
      /** The newest time held, if any. */
      maxTime() {
        let max;
        for (let i = 0; i < this.#count; i++)
          if (!(this.#times[i] <= (max ?? -Infinity))) max = Number.isNaN(this.#times[i]) ? max : this.#times[i];
        for (const t of this.#other.values()) if (t !== void 0 && (max === void 0 || t > max)) max = t;
        return max;
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
      #rehash() {
        this.#slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
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

// src/state/cursor.ts
function emptyCursor() {
  return { seen: new IdTimeSet() };
}
function loadCursor(stateDir) {
  const file = stateFile.cursor(stateDir);
  let seen = new IdTimeSet();
  let badTime = false;
  const add = (id, time) => {
    const t = parseIso(time);
    badTime ||= !Number.isFinite(t);
    seen.add(id, t);
  };
  const data = readStateJson(file, cursorFile, RESET2, (text2) => {
    const rest = takePairs(text2, add);
    if (rest !== void 0) return rest;
    seen = new IdTimeSet();
    badTime = false;
    return text2;
  });
  if (!data) return emptyCursor();
  const hw = data.highWater === null ? void 0 : Date.parse(data.highWater);
  for (const entry of data.seen) {
    if (!isPair(entry)) throw usageError(`state file ${file} has an invalid entry in "seen"; ${RESET2}`);
    add(entry[0], entry[1]);
  }
  if (hw !== void 0 && !Number.isFinite(hw) || badTime) {
    throw usageError(`state file ${file} has an invalid time; ${RESET2}`);
  }
  return { highWater: hw, seen };
}
function takePairs(text2, add) {
  const start = text2.indexOf(SEEN_START);
  if (start === -1 || text2.indexOf(SEEN_START, start + 1) !== -1) return void 0;
  if (text2[start + SEEN_START.length] === "]") return text2;
  PAIR.lastIndex = start + SEEN_START.length;
  for (; ; ) {
    const m = PAIR.exec(text2);
    if (!m) return void 0;
    add(m[1].includes("\\") ? JSON.parse(m[1]) : m[1].slice(1, -1), m[2]);
    if (m[3] === "]") break;
  }
  return `${text2.slice(0, start + SEEN_START.length)}${text2.slice(PAIR.lastIndex - 1)}`;
}
function saveCursor(stateDir, cursor) {
  const hw = cursor.highWater === void 0 ? null : new Date(cursor.highWater).toISOString();
  const head = `{"version":1,"highWater":${JSON.stringify(hw)},"seen":[`;
  writeFileAtomic(stateFile.cursor(stateDir), jsonChunks(head, cursor.seen), 384);
}
function* jsonChunks(head, seenIds) {
  const pairs = seenIds instanceof IdTimeSet ? seenIds.byTime() : [...seenIds].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
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
function queryStart(cursor, overlapMs) {
  return cursor.highWater === void 0 ? void 0 : new Date(cursor.highWater - overlapMs).toISOString();
}
function canonicalId(id) {
  let zeros = 0;
  while (zeros < id.length - 1 && id.charCodeAt(zeros) === 48) zeros++;
  for (let i = zeros; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return id;
  }
  return id.length === 0 || zeros === 0 ? id : id.slice(zeros);
}
function recordTime(timestamp) {
  const t = parseIso(timestamp);
  return Number.isFinite(t) ? t : void 0;
}
function advance(cursor, mailed, overlapMs, iseNow) {
  let hw = cursor.highWater;
  const newest = mailed instanceof IdTimeSet ? mailed.maxTime() : void 0;
  if (newest !== void 0 && (hw === void 0 || newest > hw)) hw = newest;
  if (!(mailed instanceof IdTimeSet)) {
    for (const [, t] of mailed) if (t !== void 0 && (hw === void 0 || t > hw)) hw = t;
  }
  if (hw === void 0) hw = iseNow;
  const seen = new IdTimeSet();
  const keepFrom = hw === void 0 ? -Infinity : hw - overlapMs;
  const keep = (t) => t >= keepFrom;
  const timeless = hw ?? 0;
  for (const list2 of [cursor.seen, mailed]) {
    if (list2 instanceof IdTimeSet) seen.addFrom(list2, keep, timeless);
    else for (const [id, t] of list2) if (keep(t ?? timeless)) seen.add(id, t ?? timeless);
  }
  return { highWater: hw, seen };
}
var cursorFile, isPair, RESET2, SEEN_START, PAIR;
var init_cursor = __esm({
  "src/state/cursor.ts"() {
    "use strict";
    init_errors();
    init_isotime();
    init_json();
    init_atomic();
    init_files();
    init_idset();
    cursorFile = (v) => isObject(v) && v.version === 1 && (v.highWater === null || typeof v.highWater === "string") && Array.isArray(v.seen) ? v : void 0;
    isPair = (e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string";
    RESET2 = "run once with --reset-cursor to start fresh (as on a first run: the last hour is mailed again)";
    SEEN_START = '"seen":[';
    PAIR = /\[("(?:[^"\\\u0000-\u001f]|\\.)*"),"([^"\\\u0000-\u001f]*)"\]([,\]])/y;
  }
});

// src/poll/batch.ts
var LARGE, Batch;
var init_batch = __esm({
  "src/poll/batch.ts"() {
    "use strict";
    init_digest();
    init_storm();
    init_cursor();
    init_idset();
    LARGE = 1500;
    Batch = class {
      /** `newDigest` sets up filters and the attachment; filtered records still land in `mailed`. */
      constructor(seen, newDigest = () => new Digest(), tune) {
        this.seen = seen;
        this.newDigest = newDigest;
        this.tune = tune;
        this.digest = newDigest();
      }
      seen;
      newDigest;
      tune;
      digest;
      groups = new StormGroups();
      mailed = new IdTimeSet();
      /** Records dropped because an earlier run already mailed them (overlap window). */
      alreadyMailed = 0;
      #received = 0;
      /** A record not mailed before has arrived (the overlap window alone brings only old ones). */
      #fresh = false;
      reset() {
        this.digest.close();
        this.digest = this.newDigest();
        this.groups = new StormGroups();
        this.mailed = new IdTimeSet();
        this.alreadyMailed = 0;
      }
      add(record) {
        if (++this.#received === LARGE) this.tune?.("large");
        const id = canonicalId(record.id);
        const time = recordTime(record.timestamp);
        if (this.seen.has(id) || !this.mailed.add(id, time)) {
          this.alreadyMailed++;
          return;
        }
        if (!this.#fresh) {
          this.#fresh = true;
          this.tune?.("records");
        }
        const view = this.digest.add(record, time);
        if (view) this.groups.add(view);
      }
    };
  }
});

// src/poll/poll-mail.ts
function composer(cfg, batch, now) {
  return (budget, limit) => {
    const d = batch.digest;
    const attachment = d.attachment();
    attachment?.trimTo(budget);
    const storm = d.total > cfg.stormThreshold;
    const leads = [];
    if (attachment && attachment.omitted > 0) {
      const all = attachment.rows + attachment.omitted;
      leads.push(
        noteLead(
          attachment.rows > 0 ? `The attachment holds the first ${attachment.rows} of ${all} failures: ${attachment.omitted} row(s) were left out to keep the mail within ${limit} bytes. All counts in this mail are exact.` : `No attachment: the mail size limit of ${limit} bytes left no room for it. All counts in this mail are exact.`
        )
      );
    }
    if (storm) leads.push(stormLead(batch.groups, d.total, cfg.stormThreshold, timeFormat(cfg.mail.timezone)));
    return composeMail(cfg, d, { now, leads, subjectPrefix: storm ? stormSubject(cfg.mail.subjectPrefix) : void 0 });
  };
}
var init_poll_mail = __esm({
  "src/poll/poll-mail.ts"() {
    "use strict";
    init_storm();
    init_time();
    init_message();
  }
});

// src/poll/summary.ts
function runNotes(cfg, invalid) {
  const notes = [];
  if (cfg.ise.insecure) notes.push("ISE_INSECURE=1: TLS to ISE is NOT verified");
  if (invalid > 0) notes.push(`${invalid} record(s) without id or timestamp skipped`);
  return notes;
}
function outcome(notes, message, data) {
  const status = notes.length ? "WARN" : "OK";
  return { exitCode: Exit.ok, status, message: notes.length ? `${message}; ${notes.join("; ")}` : message, data };
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
var init_summary = __esm({
  "src/poll/summary.ts"() {
    "use strict";
    init_errors();
    init_attachment();
  }
});

// src/poll/poll.ts
async function fetchBatch(cfg, opts, cursor, deadline, io, sys) {
  const start = opts.since !== void 0 ? new Date(opts.since).toISOString() : queryStart(cursor, cfg.overlapMs);
  io.debug(`getFailures ${start ? `startTimestamp=${start}` : "{} (ISE default: the last hour)"}`);
  const filter = compileFilters(cfg.filters);
  const attach = opts.dryRun ? "none" : cfg.mail.attach;
  const batch = new Batch(
    opts.since !== void 0 ? /* @__PURE__ */ new Map() : cursor.seen,
    () => new Digest({ filter, attach, attachBudget: initialAttachmentBudget(cfg) }),
    sys.tune
  );
  const http = new PxHttp(loadTls(cfg.ise, sys.now()), deadline);
  try {
    const stats = await fetchFailures(cfg, http, { stateDir: cfg.stateDir, description: DESCRIPTION }, start, batch);
    return { batch, ...stats };
  } finally {
    await http.close();
  }
}
async function poll(cfg, opts, deadline, io, sys) {
  const cursor = opts.resetCursor ? emptyCursor() : loadCursor(cfg.stateDir);
  const backfill = opts.since !== void 0;
  const { batch, serverDate, invalid } = await fetchBatch(cfg, opts, cursor, deadline, io, sys);
  sys.crash?.("after-fetch");
  io.debug(`received ${batch.mailed.size} new, ${batch.alreadyMailed} already mailed, ${invalid} invalid`);
  const notes = runNotes(cfg, invalid);
  const d = batch.digest;
  if (d.total === 0) {
    d.close();
    if (d.filteredTotal > 0) return allFiltered(cfg, opts, cursor, batch, notes);
    if (!backfill && !opts.dryRun) commitEmpty(cfg, cursor, serverDate, opts.resetCursor);
    return outcome(notes, "no new failures");
  }
  const base = composer(cfg, batch, sys.now());
  const compose2 = opts.decorate ? (b, l) => opts.decorate(base(b, l), d.total) : base;
  const what = plural(d.total, "new failure");
  const skipped = d.filteredTotal > 0 ? `, ${d.filteredTotal} filtered out` : "";
  const newest = d.newest === void 0 ? "" : ` (newest ${new Date(d.newest).toISOString()})`;
  if (opts.dryRun) {
    printMessage(io, cfg, compose2(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
    return outcome(notes, `dry run: ${what} found${skipped}, nothing sent, cursor unchanged${newest}`);
  }
  if (deadline.remaining() < minSendMs(cfg)) {
    throw new AppError(
      Exit.ise,
      "fetching from ISE used up RUN_DEADLINE, no time was left to send the mail; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)"
    );
  }
  const sent = await sendFitted(cfg, deadline, compose2);
  sys.crash?.("after-send");
  if (!backfill) commitMailed(cfg, cursor, batch);
  const accepted = cfg.mail.dest.length - sent.rejected.length;
  const to = plural(accepted, "recipient");
  if (sent.rejected.length > 0) notes.push(`the mail server refused ${sent.rejected.join(", ")}: check MAIL_DEST`);
  const att = d.attachment();
  if (att && att.omitted > 0)
    notes.push(
      att.rows > 0 ? `attachment holds the first ${att.rows} rows (size cap)` : "no attachment: the size cap left no room (see MAIL_MAX_BYTES)"
    );
  const data = { mailed: d.total, filtered: d.filteredTotal, attachmentRows: att?.rows ?? 0 };
  return outcome(
    notes,
    `${what} mailed to ${to}${skipped}${newest}${backfill ? " (backfill: cursor unchanged)" : ""}`,
    data
  );
}
function commitMailed(cfg, cursor, batch) {
  try {
    saveCursor(cfg.stateDir, advance(cursor, batch.mailed, cfg.overlapMs));
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    throw new AppError(
      Exit.usage,
      `the mail was delivered, but the cursor was not saved: ${why}; until that is fixed every run mails these failures again`,
      { cause: err }
    );
  }
}
function allFiltered(cfg, opts, cursor, batch, notes) {
  const commit = opts.since === void 0 && !opts.dryRun;
  if (commit) saveCursor(cfg.stateDir, advance(cursor, batch.mailed, cfg.overlapMs));
  const n = batch.mailed.size;
  const why = filterNotes(batch.digest.filtered).map((s) => s.replace(" more ", " ")).join(", ");
  const tail = commit ? "cursor advanced" : "cursor unchanged";
  return outcome(notes, `${plural(n, "new failure")}, all filtered out (${why}): nothing mailed, ${tail}`, {
    mailed: 0,
    filtered: n
  });
}
function commitEmpty(cfg, cursor, serverDate, reset) {
  if (cursor.highWater !== void 0 && !reset) return;
  const next = advance(cursor, /* @__PURE__ */ new Map(), cfg.overlapMs, serverDate);
  if (next.highWater !== void 0 || reset) saveCursor(cfg.stateDir, next);
}
var minSendMs;
var init_poll = __esm({
  "src/poll/poll.ts"() {
    "use strict";
    init_errors();
    init_plural();
    init_digest();
    init_filters();
    init_http();
    init_session();
    init_tls();
    init_fit();
    init_cursor();
    init_batch();
    init_poll_mail();
    init_summary();
    minSendMs = (cfg) => Math.min(1e4, cfg.deadlineMs / 4);
  }
});

// src/state/lock.ts
function acquireLock(stateDir, env) {
  const file = stateFile.lock(stateDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    const mine = { pid: env.pid, started: new Date(env.now()).toISOString() };
    try {
      (0, import_node_fs6.mkdirSync)(stateDir, { recursive: true });
      const fd = (0, import_node_fs6.openSync)(file, "wx", 420);
      (0, import_node_fs6.writeSync)(fd, `${JSON.stringify(mine)}
`);
      (0, import_node_fs6.closeSync)(fd);
      return () => releaseIfMine(file, mine);
    } catch (err) {
      const code = err.code;
      if (code !== "EEXIST")
        throw usageError(
          `cannot create lock file ${file} (${code}): check that STATE_DIR is a writable directory (on the device: under /bootflash/guest-share, created from inside Guestshell)`
        );
    }
    const owner = readOwner(file);
    const held = owner ? env.alive(owner.pid) && env.now() - owner.started < env.staleAfterMs : youngerThan(file, 1e4, env.now());
    if (held) {
      const who = owner ? `pid ${owner.pid}, started ${new Date(owner.started).toISOString()}` : "just starting";
      throw new AppError(
        Exit.locked,
        `another run (${who}) holds ${file}; this run did nothing. If no run is active, delete that file`
      );
    }
    removeFile(file);
  }
  throw new AppError(Exit.locked, `another run keeps re-creating ${file}; this run did nothing`);
}
function releaseIfMine(file, mine) {
  const owner = readOwner(file);
  if (owner && owner.pid === mine.pid && owner.started === Date.parse(mine.started)) removeFile(file);
}
function removeFile(file) {
  try {
    (0, import_node_fs6.unlinkSync)(file);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
}
function youngerThan(file, ms, now) {
  try {
    return now - (0, import_node_fs6.statSync)(file).mtimeMs < ms;
  } catch {
    return false;
  }
}
function readOwner(file) {
  try {
    const data = JSON.parse((0, import_node_fs6.readFileSync)(file, "utf8"));
    const started = typeof data.started === "string" ? Date.parse(data.started) : NaN;
    if (typeof data.pid === "number" && Number.isFinite(started)) return { pid: data.pid, started };
  } catch {
  }
  return void 0;
}
var import_node_fs6;
var init_lock = __esm({
  "src/state/lock.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    init_errors();
    init_files();
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
  const release = opts.dryRun ? () => void 0 : acquireLock(cfg.stateDir, { pid: sys.pid, now: sys.now, alive: sys.alive, staleAfterMs: 2 * cfg.deadlineMs });
  try {
    if (opts.dryRun || opts.since !== void 0) return await poll(cfg, opts, deadline, io, sys);
    return await watchedPoll(cfg, sys, deadline, (decorate) => poll(cfg, { ...opts, decorate }, deadline, io, sys));
  } finally {
    release();
  }
}
var init_run = __esm({
  "src/commands/run.ts"() {
    "use strict";
    init_config();
    init_deadline();
    init_watch();
    init_poll();
    init_lock();
  }
});

// src/format/sample.ts
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
  "src/format/sample.ts"() {
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
  const digest = new Digest({ attach: cfg.mail.attach });
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
    init_config();
    init_deadline();
    init_errors();
    init_plural();
    init_digest();
    init_sample();
    init_message();
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
        message: `pxGrid client ${acct.auth.user} is ENABLED: next, run doctor, then install the EEM applet`,
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
var init_setup = __esm({
  "src/commands/setup.ts"() {
    "use strict";
    init_config();
    init_deadline();
    init_errors();
    init_control();
    init_http();
    init_session();
    init_tls();
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
  if ((0, import_node_net.isIP)(host)) {
    report.ok(`dns ${host}`, "an IP address, no lookup needed");
    return true;
  }
  const found = await report.probe(`dns ${host}`, exitCode, async () => {
    try {
      const addrs = await withTimeout((0, import_promises.lookup)(host, { all: true }), ctx.deadline.cap(STEP_MS), "DNS lookup timed out");
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
  const ok = await report.probe(`tcp ${host}:${port2}`, exitCode, async () => {
    const ms = ctx.deadline.cap(STEP_MS);
    await new Promise((resolve4, reject) => {
      const socket = (0, import_node_net.connect)({ host, port: port2, timeout: ms });
      socket.once("connect", () => {
        socket.destroy();
        resolve4();
      });
      socket.once("timeout", () => {
        socket.destroy();
        reject(new Error(`no answer within ${ms} ms: ${remedy}`));
      });
      socket.once(
        "error",
        (err) => reject(new Error(`${err.code ?? describe(err)}: ${remedy}`))
      );
    });
    return { value: true, detail: "connected" };
  });
  return ok === true;
}
async function stateDirCheck(ctx, report) {
  const dir = ctx.cfg.stateDir;
  await report.probe("state dir", Exit.usage, () => {
    const probe = (0, import_node_path4.join)(dir, `.doctor-${ctx.sys.pid}.tmp`);
    try {
      (0, import_node_fs7.mkdirSync)(dir, { recursive: true });
      (0, import_node_fs7.writeFileSync)(probe, "ise-to-mail doctor\n", { mode: 384, flag: "wx" });
      (0, import_node_fs7.unlinkSync)(probe);
    } catch (err) {
      throw usageError(
        `${dir} is not writable (${err.code ?? describe(err)}): point STATE_DIR (or --state-dir) at a writable directory, e.g. under /bootflash/guest-share`
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
    const options = connectionOptions(ctx.cfg, new Deadline(ctx.deadline.cap(STEP_MS), ctx.sys.now));
    try {
      await smtpVerify(options, smtpAuth(ctx.cfg));
    } catch (err) {
      throw mailError(
        `SMTP check failed (${err.code ?? "error"}): ${smtpHint(err, ctx.cfg)}`,
        err
      );
    }
    const tls = smtp.security === "none" ? "no TLS (SMTP_SECURITY=none)" : smtp.security === "tls" ? "implicit TLS" : "STARTTLS";
    return { value: true, detail: `${tls}, ${smtp.user ? `AUTH as ${smtp.user} accepted` : "no AUTH configured"}` };
  });
}
var import_promises, import_node_fs7, import_node_net, import_node_path4, STEP_MS;
var init_local_checks = __esm({
  "src/doctor/local-checks.ts"() {
    "use strict";
    import_promises = require("node:dns/promises");
    import_node_fs7 = require("node:fs");
    import_node_net = require("node:net");
    import_node_path4 = require("node:path");
    init_deadline();
    init_errors();
    init_smtp();
    init_transport();
    STEP_MS = 1e4;
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
  const ms = ctx.deadline.cap(STEP_MS2);
  return new Promise((resolve4, reject) => {
    const socket = (0, import_node_tls.connect)({
      host: ep.host,
      port: ep.port,
      servername: (0, import_node_net2.isIP)(ep.host) ? void 0 : ep.host,
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
      resolve4(
        `certificate ${peer.subject?.CN ?? "?"} verified by ISE_CA, valid until ${new Date(peer.valid_to).toISOString().slice(0, 10)}`
      );
    });
    socket.once("timeout", () => {
      socket.destroy();
      reject(new Error(`no TLS handshake within ${ms} ms: is port ${ep.port} the pxGrid port?`));
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
      await streamFailures(px.http, restBaseUrl(node), { user: px.auth.user, pass: secret }, since, () => n++);
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
var import_node_net2, import_node_tls, STEP_MS2;
var init_ise_checks = __esm({
  "src/doctor/ise-checks.ts"() {
    "use strict";
    import_node_net2 = require("node:net");
    import_node_tls = require("node:tls");
    init_errors();
    init_control();
    init_failures();
    init_http();
    init_session();
    init_local_checks();
    STEP_MS2 = 1e4;
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
    const c = loadConfig2();
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
  return report.outcome();
}
function healthLines(ctx, report) {
  for (const line of describeHealth(ctx.cfg.stateDir, ctx.sys.now())) {
    const text2 = line.replace(/^health: /, "");
    if (text2.startsWith("FAIL "))
      report.add({ name: "health", status: "FAIL", detail: text2.slice(5), exitCode: Exit.usage });
    else report.add({ name: "health", status: "info", detail: text2, exitCode: Exit.ok });
  }
}
var init_doctor = __esm({
  "src/commands/doctor.ts"() {
    "use strict";
    init_config();
    init_deadline();
    init_errors();
    init_ise_checks();
    init_local_checks();
    init_report();
    init_health_record();
    init_tls();
  }
});

// eem/iosxe-backfill.txt
var iosxe_backfill_default;
var init_iosxe_backfill = __esm({
  "eem/iosxe-backfill.txt"() {
    iosxe_backfill_default = '! ise-to-mail backfill: mail every failure since a point in time, once; the cursor is untouched.\n! Run it with: event manager run ise_to_mail_backfill 6h\n!          or: event manager run ise_to_mail_backfill 2026-11-23T08:00:00Z\nconfigure terminal\nevent manager applet ise_to_mail_backfill authorization bypass\n event none maxrun {{MAXRUN}}\n action 0010 if $_none_argc lt "1"\n action 0020  syslog priority warnings msg "ise-to-mail: WARN usage: event manager run ise_to_mail_backfill 6h (a duration or an ISO-8601 time)"\n action 0030  exit\n action 0040 end\n action 0050 cli command "enable"\n action 0060 cli command "terminal length 0"\n action 0070 cli command "guestshell run {{NODE}} --max-old-space-size={{HEAP}} {{RUN_JS}} --config {{CONFIG}} --since $_none_arg1"\n action 0080 regexp "ise-to-mail: (OK|WARN|ERROR)[^\\r\\n]*" "$_cli_result" line status\n action 0090 if $_regexp_result eq "1"\n action 0100  if $status eq "ERROR"\n action 0110   syslog priority errors msg "$line"\n action 0120  elseif $status eq "WARN"\n action 0130   syslog priority warnings msg "$line"\n action 0140  else\n action 0150   syslog priority informational msg "$line"\n action 0160  end\n action 0170 else\n action 0180  syslog priority errors msg "ise-to-mail: ERROR no summary line from guestshell run (check node at {{NODE}}, Guestshell state, maxrun {{MAXRUN}})"\n action 0190 end\nend\n';
  }
});

// eem/iosxe-cron.txt
var iosxe_cron_default;
var init_iosxe_cron = __esm({
  "eem/iosxe-cron.txt"() {
    iosxe_cron_default = '! ise-to-mail: poll ISE every {{EVERY}}, then log the summary line to syslog.\n! Check it with: show logging | include ise-to-mail\n! Labels are 4 digits: EEM runs actions in the string order of their labels.\nconfigure terminal\nevent manager applet ise_to_mail authorization bypass\n event timer cron cron-entry "{{CRON}}" maxrun {{MAXRUN}}\n action 0010 cli command "enable"\n action 0020 cli command "terminal length 0"\n action 0030 cli command "guestshell run {{NODE}} --max-old-space-size={{HEAP}} {{RUN_JS}} --config {{CONFIG}}"\n action 0040 regexp "ise-to-mail: (OK|WARN|ERROR)[^\\r\\n]*" "$_cli_result" line status\n action 0050 if $_regexp_result eq "1"\n action 0060  if $status eq "ERROR"\n action 0070   syslog priority errors msg "$line"\n action 0080  elseif $status eq "WARN"\n action 0090   syslog priority warnings msg "$line"\n action 0100  else\n action 0110   syslog priority informational msg "$line"\n action 0120  end\n action 0130 else\n action 0140  syslog priority errors msg "ise-to-mail: ERROR no summary line from guestshell run (check node at {{NODE}}, Guestshell state, maxrun {{MAXRUN}})"\n action 0150 end\nend\n';
  }
});

// eem/iosxe-guestshell.txt
var iosxe_guestshell_default;
var init_iosxe_guestshell = __esm({
  "eem/iosxe-guestshell.txt"() {
    iosxe_guestshell_default = '! Guestshell for ise-to-mail on IOS-XE (one time, in configuration mode).\n! Catalyst 9k, via the management port. Routers (ISR4k, C8000, ISR1k) use a\n! VirtualPortGroup instead: see eem/README.md. If ISE or the mail server are\n! host names, add "name-server0 <DNS-IP>" under app-hosting appid guestshell.\nconfigure terminal\niox\napp-hosting appid guestshell\n app-vnic management guest-interface 0\n app-resource profile custom\n  cpu 800\n  memory {{MEMORY}}\n  persist-disk 20\nend\n! Wait until "show iox-service" shows IOx services Running, then in exec mode:\n!   guestshell enable\n!   show app-hosting detail appid guestshell\n! A changed resource profile may need: guestshell disable / guestshell enable\n';
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
! Check it with: show scheduler logfile
! TACACS+ users: configure "scheduler aaa-authentication password ..." first.
configure terminal
feature scheduler
scheduler job name ise_to_mail
 run guestshell chvrf {{VRF}} {{NODE}} --max-old-space-size={{HEAP}} {{RUN_JS}} --config {{CONFIG}}
exit
scheduler schedule name ise_to_mail
 job name ise_to_mail
 time start now repeat {{REPEAT}}
exit
end
`;
  }
});

// src/commands/eem.ts
var eem_exports = {};
__export(eem_exports, {
  TEMPLATES: () => TEMPLATES,
  fill: () => fill,
  placeholders: () => placeholders,
  renderEem: () => renderEem,
  scheduleFor: () => scheduleFor
});
function fill(template, values) {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name) => {
    const v = values[name];
    if (v === void 0) throw new Error(`eem template placeholder {{${name}}} has no value`);
    return v;
  });
}
function scheduleFor(every) {
  const m = /^(\d+)\s*(m|min|h|d)$/i.exec(every.trim());
  const n = m ? Number(m[1]) : NaN;
  const unit = m?.[2]?.toLowerCase();
  const minutes = unit === "d" ? n * 1440 : unit === "h" ? n * 60 : n;
  if (minutes >= 1 && minutes < 60 && 60 % minutes === 0) {
    return { cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`, repeat: `0:0:${minutes}` };
  }
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && hours < 24 && 24 % hours === 0) {
    return { cron: hours === 1 ? "0 * * * *" : `0 */${hours} * * *`, repeat: `0:${hours}:0` };
  }
  if (minutes === 1440) return { cron: "0 0 * * *", repeat: "1:0:0" };
  throw usageError(
    `--every "${every}" cannot repeat evenly in cron: use minutes that divide 60 (1m 2m 5m 10m 15m 30m), hours that divide 24 (1h 2h 6h 12h) or 1d`
  );
}
function integer(flag, text2, min, max) {
  const n = Number(text2);
  if (!/^\d+$/.test(text2.trim()) || n < min || n > max)
    throw usageError(`${flag} "${text2}" must be a whole number from ${min} to ${max}`);
  return n;
}
function pasteSafe(what, value) {
  if (!/^[A-Za-z0-9_./:@+=,-]+$/.test(value)) {
    throw usageError(
      `${what} "${value}" cannot go into an EEM command line: use a path without spaces, quotes, $ or ?`
    );
  }
  return value;
}
function placeholders(opts, cfg, sys) {
  const schedule = scheduleFor(opts.every);
  const maxrun = integer("--maxrun", opts.maxrun, 20, 86400);
  const minMaxrun = Math.ceil(cfg.deadlineMs / 1e3) + STARTUP_MARGIN_S;
  if (maxrun < minMaxrun) {
    throw usageError(
      `--maxrun ${maxrun} leaves no room for RUN_DEADLINE (${cfg.deadlineMs / 1e3}s) plus ${STARTUP_MARGIN_S}s of start-up: use --maxrun ${minMaxrun} or more, or lower RUN_DEADLINE`
    );
  }
  if (opts.dir !== void 0 && !(0, import_node_path5.isAbsolute)(opts.dir))
    throw usageError(
      `--dir "${opts.dir}" must be an absolute path on the device, e.g. /bootflash/guest-share/ise_to_mail`
    );
  const dir = opts.dir ?? cfg.baseDir;
  const named = cfg.raw.ISE_TO_MAIL_CONFIG;
  return {
    EVERY: opts.every.trim(),
    CRON: schedule.cron,
    REPEAT: schedule.repeat,
    MAXRUN: String(maxrun),
    HEAP: String(integer("--heap", opts.heap, 16, 4096)),
    MEMORY: String(integer("--memory", opts.memory, 128, 8192)),
    NODE: pasteSafe("the node path (--node)", opts.node ?? sys.execPath ?? "node"),
    RUN_JS: pasteSafe("the run.js path (--dir)", (0, import_node_path5.join)(dir, "run.js")),
    CONFIG: pasteSafe("the config path (--config)", named ? (0, import_node_path5.resolve)(dir, named) : (0, import_node_path5.join)(dir, "ise-to-mail.env")),
    VRF: pasteSafe("--vrf", opts.vrf)
  };
}
function renderEem(opts, cfg, sys, io) {
  const values = placeholders(opts, cfg, sys);
  const parts2 = opts.platform === "nxos" ? [TEMPLATES.nxosScheduler] : [TEMPLATES.iosxeCron, TEMPLATES.iosxeBackfill];
  if (opts.guestshell && opts.platform === "iosxe") parts2.unshift(TEMPLATES.iosxeGuestshell);
  for (const part of parts2) {
    for (const line of fill(part, values).replace(/\n$/, "").split("\n")) io.out(line);
    io.out("");
  }
  const what = opts.platform === "nxos" ? "NX-OS scheduler job (untested on hardware)" : `IOS-XE applets ise_to_mail and ise_to_mail_backfill (maxrun ${values.MAXRUN}s)`;
  const message = `${what} rendered: every ${values.EVERY}, run.js at ${values.RUN_JS}`;
  if (opts.dir === void 0 && !(0, import_node_fs8.existsSync)(values.CONFIG)) {
    return {
      exitCode: Exit.ok,
      status: "WARN",
      message: `${message}; ${values.CONFIG} does not exist yet: create it before the first run`
    };
  }
  return { exitCode: Exit.ok, status: "OK", message };
}
var import_node_fs8, import_node_path5, TEMPLATES, STARTUP_MARGIN_S;
var init_eem = __esm({
  "src/commands/eem.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs");
    import_node_path5 = require("node:path");
    init_iosxe_backfill();
    init_iosxe_cron();
    init_iosxe_guestshell();
    init_nxos_scheduler();
    init_errors();
    TEMPLATES = { iosxeCron: iosxe_cron_default, iosxeBackfill: iosxe_backfill_default, iosxeGuestshell: iosxe_guestshell_default, nxosScheduler: nxos_scheduler_default };
    STARTUP_MARGIN_S = 30;
  }
});

// src/cli/cli.ts
var cli_exports = {};
__export(cli_exports, {
  runCli: () => runCli
});
async function runCli(argv, sys, output) {
  const state = { json: argv.includes("--json"), verbose: argv.includes("--verbose"), secrets: [] };
  const io = {
    out: (line) => output.stdout(`${redact(line, state.secrets)}
`),
    err: (line) => output.stderr(`${redact(line, state.secrets)}
`),
    // Never "ise-to-mail: ...": the EEM applet matches that prefix in the combined output.
    debug: (line) => state.verbose && output.stderr(`debug: ${redact(line, state.secrets)}
`)
  };
  let result;
  const config = (cmd) => {
    const cfg = loadConfigFor(cmd, sys, io);
    state.secrets = secretsOf(cfg);
    return cfg;
  };
  const program2 = buildProgram(output, { sys, io, config, done: (o) => result = o });
  try {
    await program2.parseAsync(argv, { from: "user" });
  } catch (err) {
    result = err instanceof CommanderError ? usageOutcome(err, argv) : failure(err, io, state.verbose);
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
  }
  if (!result) return 0;
  io.out(formatSummary(result, state.json));
  return result.exitCode;
}
function usageOutcome(err, argv) {
  const word = argv.find((a) => !a.startsWith("-"));
  const message = err.code === "commander.excessArguments" && word && !COMMANDS.includes(word) ? `unknown command "${word}": the commands are ${COMMANDS.join(", ")}` : err.message.replace(/^error: /, "");
  return { exitCode: Exit.usage, status: "ERROR", message: `${message}; see --help` };
}
function failure(err, io, verbose) {
  if (verbose && err instanceof Error) {
    io.err(err.stack ?? err.message);
    for (let c = err.cause; c; c = c.cause)
      io.err(`caused by: ${c instanceof Error ? c.stack ?? c.message : String(c)}`);
  }
  if (err instanceof AppError)
    return { exitCode: err.exitCode, status: err.exitCode === Exit.locked ? "WARN" : "ERROR", message: err.message };
  return {
    exitCode: Exit.internal,
    status: "ERROR",
    message: `internal error: ${describe(err)}; run again with --verbose and report it`
  };
}
function loadConfigFor(cmd, sys, io) {
  const g = cmd.optsWithGlobals();
  const flags = {};
  if (g.config) flags.ISE_TO_MAIL_CONFIG = g.config;
  if (g.stateDir) flags.STATE_DIR = g.stateDir;
  if (g.insecure) flags.ISE_INSECURE = "1";
  const cfg = loadConfig({ baseDir: sys.baseDir, env: sys.env, flags });
  if (cfg.ise.insecure)
    io.err(
      "WARNING TLS verification toward ISE is OFF (ISE_INSECURE=1 / --insecure): anyone on the path can read the pxGrid credentials. Set ISE_CA instead."
    );
  return cfg;
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
  program2.addHelpText("after", () => `${commandFlags(program2)}
${helpEpilog()}`);
  return program2;
}
function addRunCommand(program2, { sys, io, config, done }) {
  program2.command("run", { isDefault: true }).description("one poll: fetch new RADIUS failures, mail them, advance the cursor").addOption(
    new Option("--since <when>", "one-off backfill from an ISO time or a duration (90m, 6h, 2d); cursor untouched")
  ).option("--dry-run", "print the mail instead of sending it; change nothing").option("--reset-cursor", "forget what was mailed and start as on a first run (last hour)").action(async (opts, cmd) => {
    const since = opts.since === void 0 ? void 0 : parseSince(opts.since, sys.now());
    if (opts.since !== void 0 && since === void 0)
      throw usageError(
        `--since "${opts.since}" is not a time: use an ISO-8601 timestamp or a duration such as 90m, 6h, 2d`
      );
    const cfg = config(cmd);
    const { runPoll: runPoll2 } = await Promise.resolve().then(() => (init_run(), run_exports));
    done(
      await runPoll2(cfg, { since, dryRun: Boolean(opts.dryRun), resetCursor: Boolean(opts.resetCursor) }, sys, io)
    );
  });
}
function addSimpleCommands(program2, { sys, io, config, done }) {
  program2.command("test-mail").description("send one sample alert mail (marked as a test) to check SMTP settings").action(async (_opts, cmd) => {
    const cfg = config(cmd);
    const { testMail: testMail2 } = await Promise.resolve().then(() => (init_test_mail(), test_mail_exports));
    done(await testMail2(cfg, sys));
  });
  program2.command("setup").description("create/activate the pxGrid client account and say what the ISE admin must do next").action(async (_opts, cmd) => {
    const cfg = config(cmd);
    const { setup: setup2 } = await Promise.resolve().then(() => (init_setup(), setup_exports));
    done(await setup2(cfg, sys, io));
  });
  program2.command("doctor").description("check config, DNS, TCP, TLS, pxGrid account and service, SMTP and STATE_DIR; one line per check").action(async (_opts, cmd) => {
    const { doctor: doctor2 } = await Promise.resolve().then(() => (init_doctor(), doctor_exports));
    done(await doctor2(() => config(cmd), sys, io));
  });
}
function addEemCommand(program2, { sys, io, config, done }) {
  program2.command("eem").description("print the EEM applets for this install, ready to paste (no ISE/SMTP needed)").option("--every <interval>", "how often to poll: 5m, 10m, 15m, 30m, 1h...", "5m").option("--maxrun <seconds>", "EEM run time limit, above RUN_DEADLINE", "240").option("--heap <MB>", "node --max-old-space-size", "96").addOption(new Option("--platform <name>", "target OS").choices(["iosxe", "nxos"]).default("iosxe")).option("--node <path>", "node binary in Guestshell (default: the one running)").option("--dir <path>", "directory of run.js on the device (default: this one)").option("--vrf <name>", "NX-OS VRF for chvrf", "management").option("--guestshell", "also print the IOS-XE Guestshell/app-hosting setup").option("--memory <MB>", "app-hosting memory for --guestshell", "512").action(async (opts, cmd) => {
    const cfg = config(cmd);
    const { renderEem: renderEem2 } = await Promise.resolve().then(() => (init_eem(), eem_exports));
    done(renderEem2(opts, cfg, sys, io));
  });
}
var COMMANDS;
var init_cli = __esm({
  "src/cli/cli.ts"() {
    "use strict";
    init_esm();
    init_config();
    init_values();
    init_errors();
    init_outcome();
    init_redact();
    init_version();
    init_secrets();
    init_help();
    COMMANDS = ["run", "setup", "doctor", "test-mail", "eem"];
  }
});

// src/main.ts
var import_node_path6 = require("node:path");
init_version();
var SMALL_RUN = ["--no-turbofan"];
var LARGE_RUN = ["--turbofan", "--semi-space-growth-factor=1", "--heap-growing-percent=20"];
function v8Flags(flags) {
  const { setFlagsFromString } = require("node:v8");
  for (const flag of flags) {
    try {
      setFlagsFromString(flag);
    } catch {
    }
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function clock(env) {
  const text2 = env.ISE_TO_MAIL_TEST_NOW;
  if (!text2) return Date.now;
  const start = /^\d+$/.test(text2) ? Number(text2) : Date.parse(text2);
  if (!Number.isFinite(start)) return Date.now;
  const offset = start - Date.now();
  return () => Date.now() + offset;
}
async function main(argv) {
  if (argv.length === 1 && argv[0] === "--version") {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  const { runCli: runCli2 } = await Promise.resolve().then(() => (init_cli(), cli_exports));
  const baseDir = (0, import_node_path6.dirname)((0, import_node_path6.resolve)(process.argv[1] ?? "."));
  const crashAt = process.env.ISE_TO_MAIL_TEST_CRASH;
  const crash = crashAt ? (phase) => phase === crashAt && process.kill(process.pid, "SIGKILL") : void 0;
  return runCli2(
    argv,
    {
      pid: process.pid,
      now: clock(process.env),
      alive,
      baseDir,
      env: process.env,
      crash,
      execPath: process.execPath,
      tune: (phase) => v8Flags(phase === "large" ? LARGE_RUN : SMALL_RUN)
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
  (code) => {
    settled = true;
    process.exit(code);
  },
  (err) => {
    settled = true;
    process.stdout.write(`ise-to-mail: ERROR internal error: ${err instanceof Error ? err.message : String(err)}
`);
    process.exitCode = 1;
  }
);
