/** A choice of camera or microphone, by the names the browser gives them (or "Camera 2"). */
import { t, useLanguage } from '../../i18n';

/** A labelled select of devices of one kind. */
export function DeviceSelect({
  label,
  devices,
  value,
  onChange,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange: (deviceId: string) => void;
}) {
  useLanguage();
  if (devices.length < 2) return null;
  return (
    <label className="video-device">
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('video.deviceN', { label, n: index + 1 })}
          </option>
        ))}
      </select>
    </label>
  );
}
