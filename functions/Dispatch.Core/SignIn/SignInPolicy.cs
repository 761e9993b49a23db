namespace Dispatch.Core.SignIn;

/// <summary>The one-time-code rules (settings SignIn:*). The defaults are what SMS sign-in usually allows: long
/// enough to type a code from a text, short enough that a stolen or guessed code is soon worthless.</summary>
public sealed record SignInPolicy
{
    public static SignInPolicy Default { get; } = new();

    /// <summary>How long a code may be used after it was sent.</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes tried against one code before it is burnt: 5 tries of 10⁶ leave 1 chance in 200,000.</summary>
    public int MaxWrongTries { get; init; } = 5;

    /// <summary>At most one code per phone in this time, so nobody floods a phone with texts.</summary>
    public TimeSpan PhoneInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many codes per phone an hour.</summary>
    public int PhonePerHour { get; init; } = 5;

    /// <summary>At most this many codes an hour from one client address (whatever phones it asks for), so one
    /// client cannot spend the SMS budget across many numbers.</summary>
    public int AddressPerHour { get; init; } = 20;

    /// <summary>The window the hourly limits count in.</summary>
    public static TimeSpan Hour { get; } = TimeSpan.FromHours(1);
}
