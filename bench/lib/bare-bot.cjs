// The baseline for the answer-path benchmark: a bare botbuilder CloudAdapter on restify that
// answers every `adaptiveCard/action` with a static card, nothing else. Same SDK, same HTTP
// stack as the app, no domain and no store: what the machine allows. Prints its URL on stdout.
'use strict';
const restify = require('restify');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler, StatusCodes } = require('botbuilder');

const card = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Thanks, your answer is in.', wrap: true }],
};

class BareBot extends ActivityHandler {
  async onAdaptiveCardInvoke() {
    return { statusCode: StatusCodes.OK, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
const bot = new BareBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`Bot endpoint: http://127.0.0.1:${server.address().port}/api/messages\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
