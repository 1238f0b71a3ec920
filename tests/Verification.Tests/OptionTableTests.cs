using Verification.Cli;
using Verification.Core;
using Verification.Generation;

namespace Verification.Tests;

/// <summary>
/// Each setting is defined once: the command line and the environment read it through the same entry of the option
/// table, so they accept the same values and reject the same bad ones in the same words, and help lists what is parsed.
/// </summary>
public sealed class OptionTableTests
{
    private static readonly Budget Defaults = new(new RunSettings());

    private static readonly string[] BothSides = ["--iterations", "--seed", "--seeds", "--shard", "--strategy", "--max-steps", "--time-limit"];

    private static readonly string[] TwoImplementations = ["no-lock", "double-checked"];

    private static IEnumerable<ISetting> OnBothSides => OptionTable.All.Where(s => s.Name is not null && s.Variable is not null);

    [TestCase("--iterations", "0", "takes a positive whole number, not '0'")]
    [TestCase("--shard", "4/4", "takes index/count with index below count, e.g. 0/4, not '4/4'")]
    [TestCase("--strategy", "fastest", "unknown strategy 'fastest'")]
    [TestCase("--seed", "-3", "takes a whole number, not '-3'")]
    public async Task BadValue_OnTheCommandLineAndInTheEnvironment_IsReportedInTheSameWords(string option, string bad, string wording)
    {
        var variable = VariableOf(option);

        var (code, output, error) = await RunAsync("verify", option, bad);
        var fromEnvironment = Assert.Throws<FormatException>(() => Budget.FromEnvironment(Defaults, name => name == variable ? bad : null));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.BadInput));
            Assert.That(output, Is.Empty, "nothing ran");
            Assert.That(fromEnvironment.Message, Does.Contain(wording).And.Contain(variable));
            Assert.That(error.TrimEnd(), Is.EqualTo($"verify: {fromEnvironment.Message.Replace(variable, option, StringComparison.Ordinal)} (verify --help shows the usage)"));
        });
    }

    [TestCase("--iterations", "250")]
    [TestCase("--shard", "1/4")]
    [TestCase("--strategy", "q-learning")]
    [TestCase("--seed", "0")]
    public void GoodValue_OnTheCommandLineAndInTheEnvironment_GivesTheSameBudget(string option, string good)
    {
        var variable = VariableOf(option);

        var fromCommandLine = VerifyOptions.Parse([option, good]).Budget;
        var fromEnvironment = Budget.FromEnvironment(Defaults, name => name == variable ? good : null);

        Assert.Multiple(() =>
        {
            Assert.That(fromEnvironment, Is.EqualTo(fromCommandLine));
            Assert.That(fromCommandLine, Is.Not.EqualTo(Defaults), "the value took effect");
        });
    }

    [Test]
    public async Task EverySettingOfBothSides_RejectsJunkInTheSameWords()
    {
        Assert.That(OnBothSides.Select(s => s.Name), Is.EquivalentTo(BothSides));
        foreach (var setting in OnBothSides)
        {
            var (_, _, error) = await RunAsync("verify", setting.Name!, "x!");
            var fromEnvironment = Assert.Throws<FormatException>(() => Budget.FromEnvironment(Defaults, name => name == setting.Variable ? "x!" : null));

            Assert.That(error, Does.Contain(fromEnvironment.Message.Replace(setting.Variable!, setting.Name!, StringComparison.Ordinal)), setting.Name);
        }
    }

    [Test]
    public void GeneratedScenarioCount_InTheEnvironment_IsCheckedByTheSameParserAsIterations()
    {
        var tests = Assert.Throws<FormatException>(() => GenerationSettings.FromEnvironment(
            TestSettings.GenerationCi, name => name == GenerationSettings.Variables.Tests ? "0" : null));
        var iterations = Assert.Throws<FormatException>(() => Budget.FromEnvironment(Defaults, name => name == Budget.Variables.Iterations ? "0" : null));

        Assert.That(
            tests.Message.Replace(GenerationSettings.Variables.Tests, "NAME", StringComparison.Ordinal),
            Is.EqualTo(iterations.Message.Replace(Budget.Variables.Iterations, "NAME", StringComparison.Ordinal)));
    }

    [Test]
    public void GeneratedReplay_InTheEnvironment_ThatIsNoSeed_NamesTheVariableAndTheValue()
    {
        var bad = Assert.Throws<FormatException>(() => GenerationSettings.FromEnvironment(
            TestSettings.GenerationCi, name => name == GenerationSettings.Variables.Replay ? "tomorrow" : null));

        Assert.That(bad.Message, Does.Contain(GenerationSettings.Variables.Replay).And.Contain("'tomorrow'"));
    }

    [Test]
    public async Task Help_ListsEveryOptionWithWhatItDoesAndItsDefault()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared));
            foreach (var setting in VerifyOptions.Settings)
            {
                Assert.That(output, Does.Contain($"  {setting.Name}"), setting.Name);
                Assert.That(output, Does.Contain($"{setting.Description} (default: {setting.DefaultText})"), setting.Name);
            }

            Assert.That(output, Does.Match(@"--iterations N +schedules explored per scenario and seed \(default: 1000\)"));
            Assert.That(output, Does.Contain("(default: portfolio)").And.Contain("(default: 0/1)").And.Contain("(default: verification-results)"));
            Assert.That(output, Does.Contain($"[--strategy {string.Join("|", ValueParsers.StrategyNames)}]"));
        });
    }

    [Test]
    public void NoOptions_GiveTheRecordsOwnDefaults()
    {
        var options = VerifyOptions.Parse([]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Budget, Is.EqualTo(Defaults));
            Assert.That(options.Engines.Select(e => e.Name), Is.EqualTo(OptionTable.Engines.Default));
            Assert.That(options.Properties, Is.EqualTo(OptionTable.Properties.Default));
            Assert.That(options.Implementations, Is.Empty);
            Assert.That(options.Characterize, Is.True);
        });
    }

    [Test]
    public void RepeatedOptions_AddUpForListsAndTheLastWinsOtherwise()
    {
        var options = VerifyOptions.Parse(["--impl", "no-lock", "--impl", "double-checked,No-Lock", "--iterations", "5", "--iterations", "7"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Implementations, Is.EqualTo(TwoImplementations));
            Assert.That(options.Budget.Settings.Iterations, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Help_NamesEveryEngineOfTheCatalog()
    {
        var (_, output, _) = await RunAsync("--help");

        Assert.That(output, Does.Contain($"[--engine {string.Join("|", EngineCatalog.Available.Select(e => e.Name))}|all]"));
    }

    [TestCase("1")]
    [TestCase("Portfolio2")]
    public void Strategy_ByNumberOrMisspelt_IsRejected(string text) =>
        Assert.Throws<FormatException>(() => ValueParsers.StrategyName("--strategy", text));

    [Test]
    public void StrategyNames_NameEveryStrategyOnceInLowerCase() =>
        Assert.Multiple(() =>
        {
            Assert.That(ValueParsers.StrategyNames.Select(name => ValueParsers.StrategyName("--strategy", name)), Is.EqualTo(Enum.GetValues<Strategy>()));
            Assert.That(ValueParsers.StrategyNames, Is.All.Matches<string>(name => name.All(c => !char.IsUpper(c))));
        });

    private static string VariableOf(string option) => OptionTable.All.Single(s => s.Name == option).Variable!;

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
