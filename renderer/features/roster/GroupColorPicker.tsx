import { ColorPicker, ColorSwatch, Popover, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { GROUP_COLORS } from '@shared/domain/roster';

/** A group's colour: its swatch, which opens the palette of distinct, readable group colours. */
export function GroupColorPicker(props: { label: string; value: string; onChange: (color: string) => void }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <UnstyledButton aria-label={props.label} onClick={toggle} style={{ display: 'flex' }}>
          <ColorSwatch color={props.value} size={28} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <ColorPicker
          withPicker={false}
          swatches={[...GROUP_COLORS]}
          swatchesPerRow={5}
          value={props.value}
          onChange={(color) => {
            props.onChange(color);
            close();
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
