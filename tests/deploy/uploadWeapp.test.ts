import { uploadSettingsOf } from '../../deploy/uploadWeapp'

describe('npm run upload:weapp', () => {
  it('refuses without the app id, the private key and a version, naming each', () => {
    const { settings, problems } = uploadSettingsOf([], {})
    expect(settings).toBeUndefined()
    expect(problems).toEqual(
      expect.arrayContaining([
        'WEAPP_APP_ID is not set',
        'WEAPP_PRIVATE_KEY_PATH is not set',
        '--version <x.y.z> is required',
      ]),
    )
  })

  it('refuses a private key path where there is no file', () => {
    const { problems } = uploadSettingsOf(['--version', '1.0.0'], {
      WEAPP_APP_ID: 'wx0123456789abcdef',
      WEAPP_PRIVATE_KEY_PATH: '/nowhere/private.key',
    })
    expect(problems).toContain('no private key at /nowhere/private.key')
  })
})
