using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Core.SignIn;

/// <summary>What trying a code did.</summary>
public enum CodeOutcome
{
    /// <summary>Right, in time, unused, under the try limit.</summary>
    Right,

    /// <summary>Wrong: one more try counted.</summary>
    Wrong,

    /// <summary>No code was sent to this phone, it was used, it expired, or too many wrong codes burnt it: ask for a
    /// new one. One outcome for all, so a caller learns nothing about which.</summary>
    NoneValid,
}

/// <summary>A check's outcome and the code as it must be stored after it (null: nothing to store).</summary>
public sealed record CodeCheck(CodeOutcome Outcome, SignInCode? After);

public static class CodeRules
{
    /// <summary>Checks <paramref name="attempt"/> against the stored code. A right code is not yet used: the caller
    /// marks it used with <see cref="Use"/> once it signs in (a role still to be chosen keeps it usable).</summary>
    public static CodeCheck Check(SignInCode? stored, string phone, string? attempt, byte[] key, DateTimeOffset now, SignInPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (stored is null || stored.Used || now >= stored.SentAt + policy.CodeLifetime || stored.WrongTries >= policy.MaxWrongTries)
        {
            return new(CodeOutcome.NoneValid, null);
        }

        var right = SignInCode.IsWellFormed(attempt) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(SignInCode.HashOf(phone, attempt!, key)), Encoding.ASCII.GetBytes(stored.Hash));
        return right ? new(CodeOutcome.Right, stored) : new(CodeOutcome.Wrong, stored with { WrongTries = stored.WrongTries + 1 });
    }

    public static SignInCode Use(SignInCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code with { Used = true };
    }
}
