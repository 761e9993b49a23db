namespace Dispatch.Core.Access;

/// <summary>The keys links are signed and checked with. New links are always signed with the current key.
/// During a rotation, links signed with the previous key still open until <see cref="PreviousValidUntil"/>,
/// so links already handed out keep working for a grace period instead of all breaking at once.</summary>
public sealed class SigningKeys
{
    /// <summary>HMAC-SHA256 is only as strong as its key: at least its 32-byte output.</summary>
    public const int MinimumBytes = 32;

    private readonly byte[] _current;
    private readonly byte[]? _previous;

    /// <exception cref="ArgumentException">A key shorter than <see cref="MinimumBytes"/>.</exception>
    public SigningKeys(byte[] current, byte[]? previous = null, DateTimeOffset previousValidUntil = default)
    {
        _current = Checked(current, nameof(current));
        _previous = previous is null ? null : Checked(previous, nameof(previous));
        PreviousValidUntil = previous is null ? DateTimeOffset.MinValue : previousValidUntil;
    }

    /// <summary>Until when links signed with the previous key are accepted (<see cref="DateTimeOffset.MinValue"/>
    /// when there is none).</summary>
    public DateTimeOffset PreviousValidUntil { get; }

    internal byte[] Current => _current;

    /// <summary>The previous key while its grace period lasts, else null.</summary>
    internal byte[]? PreviousAt(DateTimeOffset now) => now < PreviousValidUntil ? _previous : null;

    private static byte[] Checked(byte[] key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        return key.Length >= MinimumBytes
            ? [.. key] // a copy: the caller's array cannot change the key afterwards
            : throw new ArgumentException($"A signing key must be at least {MinimumBytes} bytes; this one is {key.Length}.", name);
    }
}
