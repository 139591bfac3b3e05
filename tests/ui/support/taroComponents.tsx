/**
 * DOM stand-ins for the Taro components pages use, forwarding what tests select and click by
 * (id, className, onClick). Add a stand-in here when a page starts using a new component.
 */
import type { ReactNode } from 'react'

interface StandInProps {
  readonly id?: string
  readonly className?: string
  readonly children?: ReactNode
  readonly onClick?: () => void
}

export function View({ id, className, children, onClick }: StandInProps) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a stand-in mirrors Taro's View, which is a div
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  )
}

export function Text({ id, className, children }: StandInProps) {
  return (
    <span id={id} className={className}>
      {children}
    </span>
  )
}

export function Button({ id, className, children, onClick }: StandInProps & { readonly disabled?: boolean }) {
  return (
    <button type='button' id={id} className={className} onClick={onClick}>
      {children}
    </button>
  )
}
