import { describe, expect, it } from 'vitest';
import { CliError, parseFlags } from '../../cli/io.ts';

const spec = { limit: 'string', quote: 'boolean' } as const;

describe('parseFlags', () => {
  it('reads --flag value, --flag=value and --bool, keeping positionals in order', () => {
    expect(parseFlags(['a', '--limit', '3', 'b', '--quote', 'c'], spec)).toEqual({
      positional: ['a', 'b', 'c'],
      flags: { limit: '3', quote: true },
    });
    expect(parseFlags(['--limit=7', 'x'], spec)).toEqual({
      positional: ['x'],
      flags: { limit: '7' },
    });
    expect(parseFlags(['--limit='], spec).flags).toEqual({ limit: '' });
  });

  it('lets the last of a repeated option win', () => {
    expect(parseFlags(['--limit', '3', '--limit', '5'], spec).flags).toEqual({ limit: '5' });
  });

  it('ends options at --: what follows is positional, -- itself is not', () => {
    expect(parseFlags(['q', '--', '--limit', '3', '--nope'], spec)).toEqual({
      positional: ['q', '--limit', '3', '--nope'],
      flags: {},
    });
  });

  it('keeps single-dash arguments as positionals (there are no short options)', () => {
    expect(parseFlags(['-', '-5', '-word', 'x'], spec).positional).toEqual([
      '-',
      '-5',
      '-word',
      'x',
    ]);
  });

  it('collects a string[] option each time it is given, splitting commas and dropping empties', () => {
    expect(
      parseFlags(['--member', 'ana', 'g', '--member=ben, eve,', '--', '--member', 'x'], {
        member: 'string[]',
      }),
    ).toEqual({ positional: ['g', '--member', 'x'], flags: { member: ['ana', 'ben', 'eve'] } });
    expect(parseFlags(['g'], { member: 'string[]' }).flags).toEqual({});
  });

  it('gives a string option the next argument even when it starts with a dash', () => {
    expect(parseFlags(['--limit', '-5'], spec).flags).toEqual({ limit: '-5' });
  });

  describe('when it fails: a usage error (exit code 2) in our words', () => {
    const cases: Array<[string, string[], string]> = [
      ['an unknown option', ['x', '--nope'], 'unknown option --nope (valid: --limit, --quote)'],
      [
        'an unknown option with a value',
        ['--nope=3'],
        'unknown option --nope=3 (valid: --limit, --quote)',
      ],
      ['a string option without its value', ['x', '--limit'], 'option --limit needs a value'],
      ['a boolean option given a value', ['--quote=no'], 'option --quote takes no value'],
      [
        'an inherited property name',
        ['--constructor'],
        'unknown option --constructor (valid: --limit, --quote)',
      ],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        let caught: unknown;
        try {
          parseFlags(args, spec);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(CliError);
        expect((caught as CliError).message).toBe(message);
        expect((caught as CliError).exitCode).toBe(2);
      });
    }
    it('an option when the command takes none', () => {
      expect(() => parseFlags(['lankov-2007', '--x'], {})).toThrow(/^unknown option --x$/);
    });
  });
});
