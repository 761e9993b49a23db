using Dispatch.Core.SignIn;
using Dispatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.App.SignIn;

public static class SignInServices
{
    /// <summary>Sign-in's services. Codes go through the SMS provider (settings Sms:*), or, when none is set, nowhere:
    /// asking for a code answers 503 sms-not-configured. A demo host registers <see cref="CodeOutbox"/> as the
    /// <see cref="ISignInCodeSender"/> before this, and tests may replace <see cref="SignInPolicy"/>.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section));
        // The limits can be tightened or loosened in settings (SignIn:CodeLifetime, SignIn:PhonePerHour…).
        services.TryAddSingleton(configuration.GetSection("SignIn").Get<SignInPolicy>() ?? SignInPolicy.Default);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SmsProvider>(sp, new HttpClient()));
        services.TryAddSingleton<ISignInCodeSender, SmsCodeSender>();
        services.TryAddSingleton(sp => new SignInStore(sp.GetRequiredService<StorageAccount>()));
        services.TryAddSingleton(sp => new ResidentOrders(sp.GetRequiredService<StorageAccount>()));
        services.TryAddSingleton<SignInCodes>();
        services.TryAddSingleton<SignInIdentities>();
        services.TryAddSingleton<SignInUseCases>();
        services.TryAddSingleton(sp => new PasskeyStore(sp.GetRequiredService<StorageAccount>()));
        services.TryAddSingleton<Ceremonies>();
        services.TryAddSingleton<PasskeyUseCases>();
        return services;
    }
}
