using System.Globalization;
using Dispatch.Core.Api;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignIn;

/// <summary>Sends codes through the configured <see cref="SmsProvider"/>. A provider that fails or does not answer
/// within 10 s is 503 sms-unavailable; the code was stored but not sent, and the phone's send limit still counts it, so
/// a broken provider cannot be used to send floods later. Never logs the phone, the text or the key.</summary>
public sealed class SmsCodeSender(SmsProvider provider, IOptions<SmsOptions> options) : ISignInCodeSender
{
    public async Task SendAsync(string phone, string code, CancellationToken cancellationToken)
    {
        if (!provider.IsConfigured)
        {
            throw new ApiProblemException(SignInProblems.SmsNotConfigured);
        }

        try
        {
            await provider.SendAsync(phone, string.Format(CultureInfo.InvariantCulture, options.Value.Template, code), cancellationToken).ConfigureAwait(false);
        }
        catch (SmsProviderException)
        {
            throw new ApiProblemException(SignInProblems.SmsUnavailable);
        }
    }
}
