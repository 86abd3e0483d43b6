/** Python identifier rules wt-compiler applies to spec and task instance ids. */

// keyword.kwlist of CPython 3.11 (hard keywords only: soft keywords such as `match` are allowed).
const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

// dir(builtins) of CPython 3.11: wt-compiler rejects ids that shadow any of these.
const BUILTINS = new Set(
  `ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup
False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError
ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError
MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError
OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError
ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError
UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError __build_class__ __debug__
__doc__ __import__ __loader__ __name__ __package__ __spec__ abs aiter all anext any ascii bin bool breakpoint
bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval
exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass
iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr
reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip`.split(/\s+/),
);

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

/** Python's `str.isidentifier()`. */
export function isPythonIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

/** Why `s` cannot be a Python-safe id of at most `maxLength` characters, or undefined when it can. */
export function identifierProblem(s: string, maxLength: number): { code: string; message: string } | undefined {
  if (!isPythonIdentifier(s)) {
    const hint = /^[0-9]/.test(s)
      ? 'it starts with a digit'
      : /-/.test(s)
        ? 'use `_` instead of `-`'
        : s === ''
          ? 'it is empty'
          : 'use letters, digits and `_`, not starting with a digit';
    return { code: 'invalid-identifier', message: `\`${s}\` is not a valid Python identifier: ${hint}` };
  }
  const nfkc = s.normalize('NFKC');
  if (nfkc !== s) {
    // Python NFKC-normalises identifiers in source code, so `ｔａｓｋ` in generated code means `task`.
    return { code: 'id-not-nfkc', message: `\`${s}\` changes under Unicode NFKC normalisation, which Python applies to identifiers (it would read \`${nfkc}\`): write \`${nfkc}\` instead` };
  }
  if (KEYWORDS.has(s)) return { code: 'python-keyword', message: `\`${s}\` is a Python keyword: choose another id` };
  if (BUILTINS.has(s)) {
    return { code: 'python-builtin', message: `\`${s}\` shadows the Python built-in \`${s}\`: choose another id` };
  }
  if ([...s].length > maxLength) {
    return {
      code: 'id-too-long',
      message: `\`${s}\` is ${[...s].length} characters long; the limit is ${maxLength}`,
    };
  }
  return undefined;
}
