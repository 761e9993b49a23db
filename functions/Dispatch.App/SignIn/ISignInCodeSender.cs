namespace Dispatch.App.SignIn;

/// <summary>The channel a one-time code reaches its phone through: an SMS provider in production
/// (<see cref="SmsCodeSender"/>), the in-memory <see cref="CodeOutbox"/> in a demo and in tests.</summary>
public interface ISignInCodeSender
{
    /// <exception cref="Dispatch.Core.Api.ApiProblemException">503 when the channel cannot take the code now.</exception>
    Task SendAsync(string phone, string code, CancellationToken cancellationToken);
}
